// What the reference solutions say while they deploy (`lab solve`, `lab selftest`, `lab demo`), in English
// and Korean side by side: progress, waits and the refusals a student can act on. Resource names stay as they are.

import { defineMessages } from '../../src/i18n/index.js';

const en = {
  progress: {
    updated: 'updated {{what}}',
    runningQuery: 'running {{name}} in Athena…',
    waitingTable: 'waiting for table {{name}} to become ACTIVE…',
    waitingStream: 'waiting for stream {{name}} to become ACTIVE…',
    waitingDeliveryStream: 'waiting for delivery stream {{name}} to become ACTIVE…',
    waitingCrawler: 'waiting for crawler {{name}} to finish…',
    waitingRole: 'waiting for the IAM role to propagate…',
    waitingFirstObject: 'waiting for the first object in {{path}} (Firehose writes every {{seconds}} s while the device runs)…',
  },
  waits: {
    timedOut: 'Timed out waiting for {{what}}.',
    functionActive: 'function {{name}} to become Active',
    queryDone: 'query {{name}} to finish',
    streamActive: 'stream {{name}} to become ACTIVE',
    tableActive: 'table {{name}} to become ACTIVE',
    deliveryStreamActive: 'delivery stream {{name}} to become ACTIVE',
    crawlerReady: 'crawler {{name}} to be READY',
    crawlerDone: 'crawler {{name}} to finish',
    readings: 'readings in {{path}}: is `lab device` running?',
  },
  refusals: {
    runtime: '--runtime takes {{runtimes}}, not "{{runtime}}".',
    sourceMissing: "The function's source is missing (looked in {{places}}); run `npm run build`.",
    bucketTaken: 'S3 bucket {{name}} belongs to another account; bucket names are global. Choose another prefix (lab config set prefix NAME).',
    noTable: 'There is no DynamoDB table {{name}}.',
    lab3NeedsLab1: 'Lab 3 reads the readings table of lab 1: build lab 1 first (or `lab solve 1`).',
    lab4NeedsLab2: 'Lab 4 reads the data lake of lab 2, which has no delivery stream yet.',
    lab4NeedsLab2Hint: 'Build lab 2 first (or `lab solve 2`).',
    notDirectPut: 'Delivery stream {{name}} reads from {{type}}; the lab needs Direct PUT. Delete it (aws firehose delete-delivery-stream --delivery-stream-name {{name}}) and solve again.',
    noCrawledTable: 'Crawler {{crawler}} made no table {{table}} in {{database}}: is there data under {{path}}?',
  },
};

export const ts = defineMessages('solutions', en, {
  progress: {
    updated: '{{what}} 변경함',
    runningQuery: 'Athena에서 {{name}} 실행 중…',
    waitingTable: '테이블 {{name}}이(가) ACTIVE가 되기를 기다리는 중…',
    waitingStream: '스트림 {{name}}이(가) ACTIVE가 되기를 기다리는 중…',
    waitingDeliveryStream: '전송 스트림 {{name}}이(가) ACTIVE가 되기를 기다리는 중…',
    waitingCrawler: '크롤러 {{name}}이(가) 끝나기를 기다리는 중…',
    waitingRole: 'IAM 역할이 전파되기를 기다리는 중…',
    waitingFirstObject: '{{path}}에 첫 객체가 생기기를 기다리는 중 (기기가 실행되는 동안 Firehose는 {{seconds}}초마다 씁니다)…',
  },
  waits: {
    timedOut: '기다리다가 시간이 초과되었습니다: {{what}}.',
    functionActive: '함수 {{name}}의 Active 상태 전환',
    queryDone: '쿼리 {{name}} 완료',
    streamActive: '스트림 {{name}}의 ACTIVE 상태 전환',
    tableActive: '테이블 {{name}}의 ACTIVE 상태 전환',
    deliveryStreamActive: '전송 스트림 {{name}}의 ACTIVE 상태 전환',
    crawlerReady: '크롤러 {{name}}의 READY 상태 전환',
    crawlerDone: '크롤러 {{name}} 실행 완료',
    readings: '{{path}}의 측정값 (`lab device`가 실행 중인가요?)',
  },
  refusals: {
    runtime: '--runtime에는 {{runtimes}}을(를) 쓰세요. "{{runtime}}"은(는) 쓸 수 없습니다.',
    sourceMissing: '함수 소스가 없습니다 ({{places}}에서 찾음). `npm run build`를 실행하세요.',
    bucketTaken: 'S3 버킷 {{name}}은(는) 다른 계정의 것입니다. 버킷 이름은 전 세계에서 하나뿐이므로 다른 접두사를 고르세요 (lab config set prefix NAME).',
    noTable: 'DynamoDB 테이블 {{name}}이(가) 없습니다.',
    lab3NeedsLab1: '실습 3은 실습 1의 측정값 테이블을 읽습니다. 실습 1을 먼저 구축하세요 (또는 `lab solve 1`).',
    lab4NeedsLab2: '실습 4는 실습 2의 데이터 레이크를 읽는데, 아직 전송 스트림이 없습니다.',
    lab4NeedsLab2Hint: '실습 2를 먼저 구축하세요 (또는 `lab solve 2`).',
    notDirectPut: '전송 스트림 {{name}}은(는) {{type}}에서 읽습니다. 이 실습에는 Direct PUT이 필요합니다. 삭제한 뒤(aws firehose delete-delivery-stream --delivery-stream-name {{name}}) 다시 solve하세요.',
    noCrawledTable: '크롤러 {{crawler}}이(가) {{database}}에 테이블 {{table}}을(를) 만들지 않았습니다. {{path}} 아래에 데이터가 있나요?',
  },
});
