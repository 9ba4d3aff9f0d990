// What `lab trace` says, hop by hop and in its verdict, in English and Korean side by side. A hop's words
// are kept as a TraceText until shown: the terminal gets the workbook's language, the --json document English.

import { defineMessages, storedMessages, type StoredMessage } from '../i18n/index.js';

const en = {
  show: {
    ready: "Tracing one reading of {{device}} on {{topic}}, published as client {{clientId}} (the trace's only write); waiting up to {{timeout}}.",
    watching: 'watching  {{title}}: {{where}}',
    published: 'Published {{payload}}',
    waiting: '… {{elapsed}} so far; still waiting for {{titles}}',
    verdict: 'Verdict: {{verdict}}',
  },
  hops: {
    topic: 'MQTT topic',
    stream: 'Kinesis stream',
    table: 'DynamoDB table',
    api: 'API (GET /datas)',
    lake: 'S3 data lake',
  },
  elapsed: {
    ms: '{{ms}} ms',
    seconds: '{{seconds}} s',
    minutes: '{{minutes}} min {{seconds}} s',
  },
  roughly: {
    underASecond: 'under a second',
    aboutASecond: 'about a second',
    fewSeconds: 'a few seconds',
    about: 'about {{elapsed}}',
  },
  verdict: {
    streamNotBuilt: 'Kinesis Data Streams: lab 1 not built yet',
    streamFound: 'Kinesis Data Streams: {{roughly}} (stream {{stream}}, DynamoDB {{table}})',
    streamNotThrough: 'Kinesis Data Streams: not through ({{missing}}: see above)',
    apiFound: 'API: {{elapsed}} (it reads the table, so it follows the stream)',
    apiNotServed: 'API: the reading was not served (see above)',
    interval: 'the buffer interval',
    intervalHere: 'the buffer interval ({{seconds}} s here)',
    lakeNotBuilt: 'Firehose: lab 2 not built yet',
    lakeFound: 'Firehose: {{interval}}; this reading reached S3 after {{elapsed}}',
    lakeNotFound: 'Firehose: not in S3 within {{timeout}}, though it should take {{interval}}',
    lakeNotThrough: 'Firehose: not through (see above)',
  },
  run: {
    noCertificate: 'No device certificate in {{dir}}, so there is no device to publish as.',
    noCertificateHint: 'Do lab 0 (save the certificate and private key there), or deploy its reference with `lab solve 0`.',
    cannotLookUp: 'could not look it up: {{error}}',
    found: 'found after {{elapsed}}: {{detail}}',
    interrupted: 'interrupted',
    notSeen: 'not seen within {{elapsed}}',
    notSeenBecause: '{{why}}: {{note}}',
    cannotWatch: 'could not watch it: {{error}}',
  },
  link: {
    subscriptionRefused: 'IoT refused the subscription of {{clientId}} to {{topic}}',
    subscribeFailed: 'subscribing to {{topic}} failed: {{error}}',
    noAck: 'no acknowledgement within {{seconds}} s',
    notAccepted: 'IoT did not accept the reading {{clientId}} published to {{topic}} ({{error}}).',
    notAcceptedHint: "IoT closes the connection when the certificate's policy does not allow iot:Publish on {{topic}}. Run `lab check 0` to see which.",
  },
  routes: {
    kinesis: 'a Kinesis stream',
    firehose: 'a Firehose delivery stream',
    broken: 'no enabled IoT rule sends {{topic}} to {{destination}}: {{why}} (`lab check {{lab}}` says how to fix it)',
    notBuilt: 'lab {{lab}} not built yet: no IoT rule sends {{topic}} to {{destination}}',
  },
  topic: {
    policy: "{{problem}}: the device's policy must allow iot:Subscribe on topicfilter/{{topic}} and iot:Receive on topic/{{topic}} for client {{clientId}}.",
    where: 'topic {{topic}} (subscribed as {{clientId}})',
    notBack: 'the broker did not send it back to the subscription on {{topic}}',
    seen: 'on {{topic}}',
  },
  stream: {
    missing: 'rule {{rule}} sends the readings to Kinesis stream {{stream}}, which does not exist (`lab check 1`)',
    where: 'stream {{stream}} (named by rule {{rule}})',
    seen: 'in {{stream}}, {{shard}}',
    seenStamped: 'in {{stream}}, {{shard}} (the time Kinesis stamped on its arrival)',
    notSeen: '{{read}} record(s) read from {{stream}} since just before the publish, none of them the reading',
  },
  table: {
    missing: 'there is no DynamoDB table {{table}} ({{via}}) (`lab check 1`)',
    noKeys: 'table {{table}} has no partition key and sort key to find a reading by (`lab check 1`)',
    where: 'table {{table}} ({{via}})',
    noItem: 'no item {{device}} / {{timestamp}} in {{table}}',
    seen: 'item {{device}} / {{timestamp}} in {{table}}',
    overwritten: 'item {{device}} / {{timestamp}} in {{table}} holds other values ({{values}}): another reading of the same second was written over the traced one',
    values: 'humidity {{humidity}}, temperature {{temperature}}',
  },
  api: {
    notBuilt: 'lab 3 not built yet: {{via}}',
    notDeployed: 'REST API {{name}} ({{id}}) is not deployed to a stage (`lab check 3`)',
    where: 'GET {{url}} (API {{name}}, {{via}}, stage {{stage}})',
    noAnswer: 'the API did not answer: {{error}}',
    lastAnswer: "the API's last answer was HTTP {{status}}: {{body}}",
    seen: 'in the answer of GET {{url}}',
    overwritten: 'the API lists {{timestamp}} with other values: another reading of the same second was written over the traced one',
    notListed: "the API's answer (HTTP {{status}}, {{bytes}} bytes) does not list {{timestamp}}",
  },
  lake: {
    missing: 'rule {{rule}} sends the readings to delivery stream {{stream}}, which does not exist (`lab check 2`)',
    where: '{{folder}} ({{via}}, buffering {{interval}} s or {{size}} MiB)',
    seen: 'in s3://{{bucket}}/{{key}}',
    noObject: 'no object written under {{folder}} since the publish: Firehose writes when its buffer interval ({{interval}} s) ends or {{size}} MiB are buffered',
    notInObjects: '{{objects}} object(s) written under {{folder}} since the publish, none with the reading',
  },
};

const tt = defineMessages('trace', en, {
  show: {
    ready: '{{device}}의 측정값 하나를 {{topic}}에서부터 추적합니다. 클라이언트 {{clientId}}(으)로 발행하며(추적이 하는 유일한 쓰기 작업입니다), 최대 {{timeout}} 동안 기다립니다.',
    watching: '관찰 중  {{title}}: {{where}}',
    published: '발행했습니다: {{payload}}',
    waiting: '… {{elapsed}} 지났습니다. 아직 기다리는 중: {{titles}}',
    verdict: '결론: {{verdict}}',
  },
  hops: {
    topic: 'MQTT 토픽',
    stream: 'Kinesis 스트림',
    table: 'DynamoDB 테이블',
    api: 'REST API',
    lake: 'S3 데이터 레이크',
  },
  elapsed: {
    ms: '{{ms}}ms',
    seconds: '{{seconds}}초',
    minutes: '{{minutes}}분 {{seconds}}초',
  },
  roughly: {
    underASecond: '1초 미만',
    aboutASecond: '약 1초',
    fewSeconds: '몇 초',
    about: '약 {{elapsed}}',
  },
  verdict: {
    streamNotBuilt: 'Kinesis Data Streams: 실습 1이 아직 구축되지 않음',
    streamFound: 'Kinesis Data Streams: {{roughly}} (스트림 {{stream}}, DynamoDB {{table}})',
    streamNotThrough: 'Kinesis Data Streams: 끝까지 도달하지 못함 ({{missing}}: 위 참고)',
    apiFound: 'API: {{elapsed}} (테이블을 읽으므로 스트림 경로 뒤에 따라옴)',
    apiNotServed: 'API: 측정값이 응답에 나오지 않음 (위 참고)',
    interval: '버퍼 간격',
    intervalHere: '버퍼 간격({{seconds}}초)',
    lakeNotBuilt: 'Firehose: 실습 2가 아직 구축되지 않음',
    lakeFound: 'Firehose: {{interval}}만큼 걸림. 이 측정값은 {{elapsed}} 만에 S3에 도착함',
    lakeNotFound: 'Firehose: {{timeout}} 안에 S3에 도착하지 않음 ({{interval}}이면 도착해야 함)',
    lakeNotThrough: 'Firehose: 끝까지 도달하지 못함 (위 참고)',
  },
  run: {
    noCertificate: '{{dir}}에 기기 인증서가 없어, 어떤 기기로 발행해야 할지 알 수 없습니다.',
    noCertificateHint: '실습 0을 진행해 인증서와 개인 키를 그곳에 저장하거나, `lab solve 0`으로 실습 0의 참조 솔루션을 배포하세요.',
    cannotLookUp: '찾아보지 못했습니다: {{error}}',
    found: '{{elapsed}} 만에 찾았습니다: {{detail}}',
    interrupted: '중단됨',
    notSeen: '{{elapsed}} 안에 보이지 않았습니다',
    notSeenBecause: '{{why}}: {{note}}',
    cannotWatch: '지켜보지 못했습니다: {{error}}',
  },
  link: {
    subscriptionRefused: 'IoT Core가 {{clientId}}의 {{topic}} 구독을 거부했습니다',
    subscribeFailed: '{{topic}} 구독에 실패했습니다: {{error}}',
    noAck: '{{seconds}}초 안에 확인 응답이 없었습니다',
    notAccepted: 'IoT Core가 {{clientId}}이(가) {{topic}}에 발행한 측정값을 받아들이지 않았습니다 ({{error}}).',
    notAcceptedHint: '인증서의 정책이 {{topic}}에 대한 iot:Publish를 허용하지 않으면 IoT Core가 연결을 끊습니다. 어느 경우인지는 `lab check 0`으로 확인하세요.',
  },
  routes: {
    kinesis: 'Kinesis 스트림',
    firehose: 'Firehose 전송 스트림',
    // Both destinations end in 스트림: 으로.
    broken: '{{topic}}을(를) {{destination}}으로 보내는 활성화된 IoT 규칙이 없습니다: {{why}} (고치는 방법은 `lab check {{lab}}`에서 확인하세요)',
    notBuilt: '아직 구축되지 않음(실습 {{lab}}): {{topic}}을(를) {{destination}}으로 보내는 IoT 규칙이 없습니다',
  },
  topic: {
    policy: '{{problem}}: 기기의 정책이 클라이언트 {{clientId}}에게 topicfilter/{{topic}}에 대한 iot:Subscribe와 topic/{{topic}}에 대한 iot:Receive를 허용해야 합니다.',
    where: '토픽 {{topic}} ({{clientId}}(으)로 구독)',
    notBack: '브로커가 {{topic}} 구독으로 측정값을 돌려보내지 않았습니다',
    seen: '{{topic}}에서',
  },
  stream: {
    missing: '규칙 {{rule}}이(가) 측정값을 Kinesis 스트림 {{stream}}(으)로 보내지만, 그 스트림이 없습니다 (`lab check 1`)',
    where: '스트림 {{stream}} (규칙 {{rule}}이(가) 지정)',
    seen: '{{stream}}의 {{shard}}에서',
    seenStamped: '{{stream}}의 {{shard}}에서 (Kinesis가 도착 시각으로 기록한 시간)',
    notSeen: '발행 직전부터 {{stream}}에서 레코드 {{read}}개를 읽었지만, 추적 중인 측정값은 없었습니다',
  },
  table: {
    missing: 'DynamoDB 테이블 {{table}}이(가) 없습니다 ({{via}}) (`lab check 1`)',
    noKeys: '테이블 {{table}}에 측정값을 찾는 데 쓸 파티션 키와 정렬 키가 없습니다 (`lab check 1`)',
    where: '테이블 {{table}} ({{via}})',
    noItem: '{{table}}에 항목 {{device}} / {{timestamp}}이(가) 없습니다',
    seen: '{{table}}의 항목 {{device}} / {{timestamp}}',
    overwritten: '{{table}}의 항목 {{device}} / {{timestamp}}에 다른 값({{values}})이 들어 있습니다: 같은 초의 다른 측정값이 추적 중인 측정값을 덮어썼습니다',
    values: '습도 {{humidity}}, 온도 {{temperature}}',
  },
  api: {
    notBuilt: '아직 구축되지 않음(실습 3): {{via}}',
    notDeployed: 'REST API {{name}}({{id}})이(가) 스테이지에 배포되지 않았습니다 (`lab check 3`)',
    where: 'GET {{url}} (API {{name}}, {{via}}, 스테이지 {{stage}})',
    noAnswer: 'API가 응답하지 않았습니다: {{error}}',
    lastAnswer: 'API의 마지막 응답은 HTTP {{status}}였습니다: {{body}}',
    seen: 'GET {{url}}의 응답에서',
    overwritten: 'API가 {{timestamp}}을(를) 다른 값으로 돌려줍니다: 같은 초의 다른 측정값이 추적 중인 측정값을 덮어썼습니다',
    notListed: 'API의 응답(HTTP {{status}}, {{bytes}}바이트)에 {{timestamp}}이(가) 없습니다',
  },
  lake: {
    missing: '규칙 {{rule}}이(가) 측정값을 전송 스트림 {{stream}}(으)로 보내지만, 그 전송 스트림이 없습니다 (`lab check 2`)',
    where: '{{folder}} ({{via}}, 버퍼 {{interval}}초 또는 {{size}} MiB)',
    seen: 's3://{{bucket}}/{{key}}에서',
    noObject: '발행 이후 {{folder}} 아래에 쓰인 객체가 없습니다: Firehose는 버퍼 간격({{interval}}초)이 끝나거나 {{size}} MiB가 쌓이면 씁니다',
    notInObjects: '발행 이후 {{folder}} 아래에 객체 {{objects}}개가 쓰였지만, 측정값이 든 객체는 없습니다',
  },
});

export type TraceKey = Parameters<typeof tt>[0];

/** A message kept as its key until shown: the terminal says it in the workbook's language, the JSON document in English. */
export type TraceText = StoredMessage<TraceKey>;

export const text = (key: TraceKey, values?: TraceText['values']): TraceText => ({ key, ...(values ? { values } : {}) });

export const { say, inEnglish } = storedMessages(tt);

