// What lab 1's checks say, in English and Korean side by side: keep the two in step, with the same
// {{placeholders}}. Resource names, commands and AWS's own words stay as they are in both.

import { defineMessages } from '../../src/i18n/index.js';

const en = {
  rule: {
    title: 'An IoT rule sends the device topic to a Kinesis stream',
    hint1: 'In the IoT console, open Message routing → Rules: one rule must read the telemetry topic and have a Kinesis action.',
    hint2: "The rule's SQL is SELECT * FROM '<prefix>/telemetry/#'; its action is \"Send a message to an Amazon Kinesis Stream\" with partition key ${topic(3)}.",
    destination: 'a Kinesis stream',
    noun: 'stream',
    create: "Create rule {{rule}} with SQL SELECT * FROM '{{filter}}' and a Kinesis action to stream {{stream}} using role {{role}} (lab 1, step 5): {{command}}",
    user: 'IoT rule {{rule}}',
  },
  ruleRole: {
    title: "The rule's role may put records into the stream",
    hint: 'The role of the Kinesis action must trust iot.amazonaws.com and allow kinesis:PutRecord on the stream.',
  },
  stream: {
    title: 'The Kinesis stream is active',
    hint: 'Open the Kinesis console → Data streams and look at the status.',
    subject: 'stream {{name}}',
  },
  mapping: {
    title: 'The stream triggers a Lambda function',
    hint: "In the function's console page, Add trigger → Kinesis, choose the stream, starting position Trim horizon.",
  },
  function: {
    title: 'The ingest function exists and knows its table',
    hint: 'The function needs a Python or Node.js runtime, a handler, and an environment variable TABLE_NAME with the table name.',
    missing: 'Create the ingest function (lab 1, step 4), or `lab solve 1` to see the reference.',
    user: 'function {{name}}',
  },
  readRole: {
    title: "The function's role may read the stream",
    hint: 'Attach the AWS managed policy AWSLambdaKinesisExecutionRole to the function’s role, or allow the Kinesis read actions on the stream.',
  },
  table: {
    title: 'The DynamoDB table has the readings key schema',
    hint: 'Partition key deviceid (String), sort key timestamp (String).',
  },
  writeRole: {
    title: "The function's role may write to the table",
    hint: 'Add an inline policy to the function’s role allowing dynamodb:BatchWriteItem (and PutItem) on the table’s ARN.',
  },
  metrics: {
    title: 'Records flow into and out of the stream',
    hint: 'Keep `lab device` running; in the Kinesis console, the Monitoring tab shows Incoming data and Get records.',
    whenZero: 'Is `lab device` running? In AWS, metrics reach CloudWatch a few minutes late.',
  },
  items: {
    title: 'Fresh readings of the device land in the table',
    hint1: 'Explore the table’s items in the DynamoDB console while `lab device` runs.',
    hint2: 'If nothing lands, read the function’s log group /aws/lambda/<function> in CloudWatch Logs.',
    noAttribute: 'has no {{field}} attribute',
    notInteger: 'stores {{field}} as {{value}}, not as an integer number',
  },
  errors: {
    title: 'The function ran without errors',
    hint: 'A malformed message must be skipped, not fail the whole batch: a failed batch is retried until it expires, and holds up everything behind it.',
    failed: 'Function {{name}} failed {{errors}} time(s) in {{invocations}} invocation(s) in the last 15 minutes.',
    failedHint: 'Read the errors in its log group: {{command}}',
    notRun: 'Function {{name}} has not run in the last 15 minutes, so it cannot have shown that it runs without errors. Is `lab device` running? In AWS, metrics reach CloudWatch a few minutes late.',
    clean: 'Function {{name}} ran {{invocations}} time(s) in the last 15 minutes without an error.',
  },
} as const;

export const m = defineMessages('lab.01-stream-to-dynamo', en, {
  rule: {
    title: 'IoT 규칙이 기기 주제를 Kinesis 스트림으로 보냅니다',
    hint1: 'IoT 콘솔에서 메시지 라우팅 → 규칙을 여세요: 원격 측정 주제를 읽고 Kinesis 작업이 있는 규칙이 하나 있어야 합니다.',
    hint2: "규칙의 SQL은 SELECT * FROM '<prefix>/telemetry/#'이고, 작업은 파티션 키 ${topic(3)}을(를) 쓰는 \"Amazon Kinesis 스트림으로 메시지 보내기\"입니다.",
    destination: 'Kinesis 스트림',
    noun: '스트림',
    create: "SQL SELECT * FROM '{{filter}}'와 역할 {{role}}을(를) 쓰는 스트림 {{stream}}(으)로의 Kinesis 작업을 가진 규칙 {{rule}}을(를) 만드세요 (실습 1, 5단계): {{command}}",
    user: 'IoT 규칙 {{rule}}',
  },
  ruleRole: {
    title: '규칙의 역할이 스트림에 레코드를 넣을 수 있습니다',
    hint: 'Kinesis 작업의 역할은 iot.amazonaws.com을 신뢰하고 스트림에 대해 kinesis:PutRecord를 허용해야 합니다.',
  },
  stream: {
    title: 'Kinesis 스트림이 활성 상태입니다',
    hint: 'Kinesis 콘솔 → 데이터 스트림에서 상태를 확인하세요.',
    subject: '스트림 {{name}}',
  },
  mapping: {
    title: '스트림이 Lambda 함수를 트리거합니다',
    hint: '함수의 콘솔 페이지에서 트리거 추가 → Kinesis를 선택하고, 스트림과 시작 위치 수평 트리밍(Trim horizon)을 고르세요.',
  },
  function: {
    title: '수집 함수가 있고 자신의 테이블을 알고 있습니다',
    hint: '함수에는 Python 또는 Node.js 런타임, 핸들러, 그리고 테이블 이름을 담은 환경 변수 TABLE_NAME이 필요합니다.',
    missing: '수집 함수를 만드세요 (실습 1, 4단계). 참고 답안은 `lab solve 1`로 볼 수 있습니다.',
    user: '함수 {{name}}',
  },
  readRole: {
    title: '함수의 역할이 스트림을 읽을 수 있습니다',
    hint: '함수의 역할에 AWS 관리형 정책 AWSLambdaKinesisExecutionRole을 연결하거나, 스트림에 대해 Kinesis 읽기 작업을 허용하세요.',
  },
  table: {
    title: 'DynamoDB 테이블이 측정값의 키 스키마를 갖고 있습니다',
    hint: '파티션 키 deviceid(문자열), 정렬 키 timestamp(문자열).',
  },
  writeRole: {
    title: '함수의 역할이 테이블에 쓸 수 있습니다',
    hint: '함수의 역할에 테이블 ARN에 대해 dynamodb:BatchWriteItem(과 PutItem)을 허용하는 인라인 정책을 추가하세요.',
  },
  metrics: {
    title: '레코드가 스트림으로 들어오고 나갑니다',
    hint: '`lab device`를 계속 실행하세요. Kinesis 콘솔의 모니터링 탭에서 수신 데이터와 레코드 가져오기를 볼 수 있습니다.',
    whenZero: '`lab device`가 실행 중인가요? AWS에서는 지표가 몇 분 늦게 CloudWatch에 도착합니다.',
  },
  items: {
    title: '기기의 최신 측정값이 테이블에 들어옵니다',
    hint1: '`lab device`가 실행되는 동안 DynamoDB 콘솔에서 테이블 항목을 살펴보세요.',
    hint2: '아무것도 들어오지 않으면 CloudWatch Logs에서 함수의 로그 그룹 /aws/lambda/<function>을(를) 읽어 보세요.',
    noAttribute: '{{field}} 속성이 없습니다',
    notInteger: '{{field}}을(를) 정수가 아닌 {{value}}(으)로 저장합니다',
  },
  errors: {
    title: '함수가 오류 없이 실행되었습니다',
    hint: '잘못된 메시지는 건너뛰어야 하며 배치 전체를 실패시키면 안 됩니다: 실패한 배치는 만료될 때까지 다시 시도되고, 그 뒤의 모든 레코드를 붙잡아 둡니다.',
    failed: '함수 {{name}}이(가) 최근 15분 동안 {{invocations}}번 호출 중 {{errors}}번 실패했습니다.',
    failedHint: '로그 그룹에서 오류를 읽어 보세요: {{command}}',
    notRun: '함수 {{name}}이(가) 최근 15분 동안 실행되지 않아, 오류 없이 실행되는지 아직 알 수 없습니다. `lab device`가 실행 중인가요? AWS에서는 지표가 몇 분 늦게 CloudWatch에 도착합니다.',
    clean: '함수 {{name}}이(가) 최근 15분 동안 {{invocations}}번 오류 없이 실행되었습니다.',
  },
});
