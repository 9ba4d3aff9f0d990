// What `lab --help` and the menu say, in English and Korean side by side: command and option
// descriptions, commander's headings and its one-line refusals. Flags and command words stay as they are.

import { defineMessages } from '../i18n/index.js';

const en = {
  program: 'IoT pipeline labs: read each lab, build it in AWS or the local sandbox, and grade it with `lab check N`.',
  labArgument: 'lab number (0-4)',
  labOrAll: 'lab number (0-4) or "all"',
  labOrAllDefault: 'lab number (0-4) or "all" (default)',
  runtime: "language of the lab's Lambda functions (default python)",
  global: {
    target: 'where to grade: local (the sandbox, default) or aws',
    endpoint: 'sandbox endpoint for --target local (default http://127.0.0.1:4566)',
    region: 'AWS region',
    profile: 'AWS profile for --target aws',
    lang: 'language of the workbook: en or ko (default: lab config lang, then your system locale)',
    debug: 'show stack traces and details of unexpected errors',
    help: 'display help for command',
    helpCommand: 'display help for command',
  },
  list: 'list the labs and your progress on the configured target',
  open: 'read a lab in the terminal',
  check: {
    description: 'grade a lab (or all labs) against the target',
    wait: 'how long to keep polling checks whose data has not arrived yet (default 180)',
    json: 'write the JSON report to a file, or to stdout without one',
    junit: 'write a JUnit XML report',
    gradescope: 'write a Gradescope results.json',
    csv: 'write a CSV report, one row per check',
    concurrency: 'how many checks may run at once (default 6)',
  },
  hint: {
    description: 'reveal the next hint for a check (the first one you have not passed, by default)',
    checkId: 'the check, e.g. stream.active',
  },
  config: {
    description: 'show or change settings in .lab/config.json',
    get: 'show all settings, or one of: target, region, profile, endpoint, prefix, protected-accounts',
    set: 'change a setting, e.g. `lab config set target aws`',
    unset: 'remove a setting, back to its default',
  },
  solve: "deploy a lab's reference solution into the target",
  device: {
    description: 'run a simulated device publishing readings over MQTT with the certificate of lab 0 (Ctrl-C stops)',
    name: 'device (and MQTT client) name (default: the thing of lab 0)',
    rate: 'messages per second (default 1)',
    count: 'stop after this many messages (default: run until Ctrl-C)',
    topic: 'publish here instead of <prefix>/telemetry/<name>',
    malformedEvery: 'make every Nth message malformed, to test the pipeline',
    ca: "certificate authority to trust instead of the target's",
  },
  graph: {
    description: "serve lab 3's graph page on 127.0.0.1, pre-filled with your API's invoke URL and device (Ctrl-C stops)",
    device: 'device whose readings to draw (default: the thing of lab 0)',
    port: 'port to serve on (default: a free one)',
    every: 'how often the page asks the API (default 5)',
    open: 'open the page in the system browser',
  },
  trace: {
    description:
      'publish one marked reading as the lab 0 device and time when it shows up on the topic, in the stream, in DynamoDB, through the API and in S3 (its only write is that publish; everything else is read)',
    timeout: 'how long to wait for the slowest hop (default: the Firehose buffer interval + 60, or 30 without lab 2)',
    json: 'print the result as JSON on stdout (progress goes to stderr)',
  },
  chart: {
    description:
      "lab 4's dashboard: run the lab's named query (or your SQL) in Athena and draw the result as a line over time or bars per category (SVG, PNG and an HTML page, plus a table and sparklines here). Running a query writes its result to S3 and, on AWS, costs money for the data it scans (at least 10 MB per query)",
    namedQuery: 'the saved query to run (default <prefix>-hourly-stats)',
    sql: 'run this SQL instead of a named query',
    workgroup: 'Athena workgroup, whose result location is used (default <prefix>-wg, else primary)',
    database: "database the query runs in (default: the named query's, or <prefix>_datalake for --sql)",
    kind: 'line over time or bars per category (default: from the columns)',
    x: 'column along the x axis (default: a time or hour column, else a category)',
    y: 'value columns, comma-separated (default: the numeric columns of one scale, counts left out)',
    series: 'split the values into one series per value of this column, e.g. device_name',
    out: 'where to write <name>.svg, .png and .html (default .lab/charts)',
    title: 'chart title (default: the query name)',
  },
  reset: {
    description:
      "find the workshop's resources (tag workshop=iot-pipeline-labs or the prefix's names) and show the plan; with --apply and the account id confirmed, delete them in dependency order",
    apply: 'delete what the plan shows (asks for the account id)',
    confirmAccount: 'the account id, confirmed in advance (for scripts)',
    keepDevice: "keep lab 0's device: its thing, certificate, policy and saved certificate files",
    report: 'where to write the JSON report (default .lab/reset-<time>.json)',
  },
  grade: {
    description: 'grade a class from a roster CSV, read-only and concurrently; writes grades.csv, a JSON report per student, JUnit and an HTML report',
    roster: 'CSV: id, name, prefix, and profile | role_arn (+external_id) | access_key_id + secret_access_key; optional target, endpoint, region, home',
    labs: 'labs to grade: all (default: every lab with checks), 2, 0-3 or 0,2',
    concurrency: 'students whose checks call AWS at once; one only listening for its device steps aside (default 8)',
    out: 'where to write the reports (default grades/)',
    wait: 'how long checks may wait for data that has not arrived (default 0)',
  },
  selftest: {
    description: 'prove the labs on a fresh in-memory sandbox: no check passes before the reference solution, all pass after',
    wait: 'how long checks may wait for data after solving (default 90)',
  },
  demo: {
    description: 'the workshop so far, offline: sandbox, reference solutions, device, and the graded report (npm start)',
    wait: 'how long checks may wait for data (default 90)',
    serve: "keep the sandbox, the device and lab 3's graph page running until Ctrl-C",
  },
  sandbox: {
    description: 'run the embedded local AWS on 127.0.0.1 for offline labs',
    start: 'start the sandbox (in the foreground; --detach to keep it in the background)',
    port: 'edge port (default 4566; 0 picks a free one)',
    host: 'interface to bind (default 127.0.0.1, loopback only; any other needs --verify-signatures)',
    data: 'where the sandbox keeps its state (default .lab/sandbox)',
    inMemory: 'keep nothing on disk',
    repair: 'start on damaged data: keep what can be read, move the damaged parts into a dated folder beside them',
    detach: 'run in the background and return once it answers',
    verifySignatures: 'refuse requests not signed with the sandbox secret',
    secretAccessKey: 'the secret clients sign with (default test; generated and shown once when --host is not loopback)',
    enforceLimits: 'apply Kinesis per-shard write limits',
    iamEnforcement: 'hold role sessions and service roles (functions, rule actions, Firehose, mappings, crawlers) to their policies, as AWS does (default on)',
    metricDelay: 'hide CloudWatch datapoints newer than this, as AWS lags',
    provisioningDelay: 'keep new and changed streams CREATING/UPDATING this long, as AWS does (default 0)',
    iamPropagationDelay: 'keep new and changed roles unusable by services this long, as IAM propagates (default 0)',
    firehoseIntervalScale: 'multiply Firehose buffering intervals (0.01 for fast tests)',
    mqttPort: 'IoT MQTT broker port, plain TCP (default 1883; 0 picks a free one)',
    mqttsPort: 'IoT MQTT broker port, TLS with client certificates (default 8883; 0 picks a free one)',
    stop: 'stop the sandbox started with --detach',
    reset: 'empty the local sandbox: restart the one started here with the same options and no state, or remove its data when none runs',
    resetData: 'the data directory to empty when no sandbox runs (default .lab/sandbox)',
    status: 'endpoint, services, calls answered, and calls the sandbox does not implement',
    statusJson: 'print the status document as JSON',
  },
  headings: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
  },
  refusals: {
    unknownCommand: "error: unknown command '{{command}}'",
    unknownOption: "error: unknown option '{{option}}'",
    missingArgument: "error: missing required argument '{{argument}}'",
    optionArgumentMissing: "error: option '{{option}}' argument missing",
    requiredOption: "error: required option '{{option}}' not specified",
    tooManyArguments: 'error: too many arguments. Expected {{expected}} but got {{received}}.',
    tooManyArgumentsFor: "error: too many arguments for '{{command}}'. Expected {{expected}} but got {{received}}.",
    didYouMean: '(Did you mean {{suggestion}}?)',
    didYouMeanOneOf: '(Did you mean one of {{suggestions}}?)',
  },
  menu: {
    pickLab: 'Pick a lab',
    quit: 'Quit',
    lab: 'Lab {{number}}',
    read: 'Read the lab',
    check: 'Check my work',
    hint: 'Get a hint',
    back: 'Back',
  },
};

const ko = {
  program: 'IoT 파이프라인 실습: 각 실습을 읽고, AWS나 로컬 샌드박스에 구축한 뒤 `lab check N`으로 채점하세요.',
  labArgument: '실습 번호 (0-4)',
  labOrAll: '실습 번호 (0-4) 또는 "all"',
  labOrAllDefault: '실습 번호 (0-4) 또는 "all" (기본값)',
  runtime: '실습 Lambda 함수의 언어 (기본값 python)',
  global: {
    target: '채점할 대상: local (샌드박스, 기본값) 또는 aws',
    endpoint: '--target local일 때의 샌드박스 엔드포인트 (기본값 http://127.0.0.1:4566)',
    region: 'AWS 리전',
    profile: '--target aws일 때 사용할 AWS 프로필',
    lang: '워크북 언어: en 또는 ko (기본값: lab config의 lang, 없으면 시스템 로캘)',
    debug: '예상하지 못한 오류의 스택 트레이스와 세부 내용 표시',
    help: '명령 도움말 표시',
    helpCommand: '명령 도움말 표시',
  },
  list: '실습 목록과 설정된 대상에서의 진행 상황 표시',
  open: '터미널에서 실습 읽기',
  check: {
    description: '대상에서 실습 하나(또는 전체)를 채점',
    wait: '데이터가 아직 도착하지 않은 검사를 다시 확인하며 기다릴 시간 (기본값 180)',
    json: 'JSON 보고서를 파일에 쓰기 (파일을 지정하지 않으면 표준 출력)',
    junit: 'JUnit XML 보고서 쓰기',
    gradescope: 'Gradescope용 results.json 쓰기',
    csv: 'CSV 보고서 쓰기 (검사 하나에 한 행)',
    concurrency: '동시에 실행할 검사 수 (기본값 6)',
  },
  hint: {
    description: '검사의 다음 힌트 보기 (기본값: 아직 통과하지 못한 첫 검사)',
    checkId: '검사 ID (예: stream.active)',
  },
  config: {
    description: '.lab/config.json의 설정 보기 또는 변경',
    get: '모든 설정, 또는 target, region, profile, endpoint, prefix, protected-accounts 중 하나 보기',
    set: '설정 변경 (예: `lab config set target aws`)',
    unset: '설정을 지워 기본값으로 되돌리기',
  },
  solve: '실습의 참조 솔루션을 대상에 배포',
  device: {
    description: '실습 0의 인증서로 MQTT를 통해 측정값을 게시하는 가상 기기 실행 (Ctrl-C로 중지)',
    name: '기기(및 MQTT 클라이언트) 이름 (기본값: 실습 0의 사물)',
    rate: '초당 메시지 수 (기본값 1)',
    count: '이만큼 보낸 뒤 중지 (기본값: Ctrl-C까지 계속)',
    topic: '<prefix>/telemetry/<name> 대신 이 토픽에 게시',
    malformedEvery: 'N번째 메시지마다 형식이 잘못된 메시지를 보내 파이프라인 시험',
    ca: '대상의 인증 기관 대신 신뢰할 인증 기관',
  },
  graph: {
    description: '실습 3의 그래프 페이지를 127.0.0.1에서 제공 (API 호출 URL과 기기가 미리 채워짐, Ctrl-C로 중지)',
    device: '측정값을 그릴 기기 (기본값: 실습 0의 사물)',
    port: '사용할 포트 (기본값: 비어 있는 포트)',
    every: '페이지가 API를 호출하는 간격 (기본값 5)',
    open: '시스템 브라우저에서 페이지 열기',
  },
  trace: {
    description:
      '실습 0의 기기로 표시된 측정값 하나를 게시하고, 그 값이 토픽, 스트림, DynamoDB, API, S3에 나타나는 시간을 측정 (쓰기는 그 게시 하나뿐이고 나머지는 모두 읽기만 함)',
    timeout: '가장 느린 구간을 기다릴 시간 (기본값: Firehose 버퍼 간격 + 60, 실습 2가 없으면 30)',
    json: '결과를 표준 출력에 JSON으로 출력 (진행 상황은 표준 오류로)',
  },
  chart: {
    description:
      '실습 4의 대시보드: 실습의 저장된 쿼리(또는 직접 쓴 SQL)를 Athena에서 실행하고 결과를 시간에 따른 선 그래프나 범주별 막대 그래프로 그림 (SVG, PNG, HTML 페이지와 함께 여기에 표와 스파크라인 표시). 쿼리를 실행하면 결과가 S3에 저장되고, AWS에서는 스캔한 데이터만큼 비용이 듭니다 (쿼리당 최소 10MB)',
    namedQuery: '실행할 저장된 쿼리 (기본값 <prefix>-hourly-stats)',
    sql: '저장된 쿼리 대신 이 SQL 실행',
    workgroup: '결과 위치를 사용할 Athena 작업 그룹 (기본값 <prefix>-wg, 없으면 primary)',
    database: '쿼리를 실행할 데이터베이스 (기본값: 저장된 쿼리의 데이터베이스, --sql이면 <prefix>_datalake)',
    kind: '시간에 따른 선(line) 또는 범주별 막대(bar) (기본값: 열을 보고 결정)',
    x: 'x축 열 (기본값: 시간이나 시(hour) 열, 없으면 범주 열)',
    y: '값 열, 쉼표로 구분 (기본값: 같은 척도의 숫자 열, 개수 열은 제외)',
    series: '이 열의 값마다 계열을 하나씩 나눔 (예: device_name)',
    out: '<name>.svg, .png, .html을 쓸 위치 (기본값 .lab/charts)',
    title: '차트 제목 (기본값: 쿼리 이름)',
  },
  reset: {
    description:
      '워크숍이 만든 리소스(태그 workshop=iot-pipeline-labs 또는 접두사로 시작하는 이름)를 찾아 계획을 보여 줌. --apply로 계정 ID를 확인하면 의존 순서대로 삭제',
    apply: '계획에 나온 리소스 삭제 (계정 ID를 물어봄)',
    confirmAccount: '미리 확인한 계정 ID (스크립트용)',
    keepDevice: '실습 0의 기기(사물, 인증서, 정책, 저장된 인증서 파일)는 남겨 둠',
    report: 'JSON 보고서를 쓸 위치 (기본값 .lab/reset-<time>.json)',
  },
  grade: {
    description: '명단 CSV로 반 전체를 읽기 전용으로 동시에 채점하고 grades.csv, 학생별 JSON 보고서, JUnit, HTML 보고서를 씀',
    roster: 'CSV: id, name, prefix, 그리고 profile | role_arn (+external_id) | access_key_id + secret_access_key. 선택: target, endpoint, region, home',
    labs: '채점할 실습: all (기본값: 검사가 있는 모든 실습), 2, 0-3 또는 0,2',
    concurrency: '검사가 동시에 AWS를 호출할 수 있는 학생 수. 기기를 기다리기만 하는 학생은 자리를 비켜 줌 (기본값 8)',
    out: '보고서를 쓸 위치 (기본값 grades/)',
    wait: '아직 도착하지 않은 데이터를 검사가 기다릴 시간 (기본값 0)',
  },
  selftest: {
    description: '새 인메모리 샌드박스에서 실습을 검증: 참조 솔루션 전에는 어떤 검사도 통과하지 않고, 후에는 모두 통과',
    wait: '솔루션 배포 후 검사가 데이터를 기다릴 시간 (기본값 90)',
  },
  demo: {
    description: '지금까지의 워크숍을 오프라인으로: 샌드박스, 참조 솔루션, 기기, 채점 보고서 (npm start)',
    wait: '검사가 데이터를 기다릴 시간 (기본값 90)',
    serve: 'Ctrl-C까지 샌드박스, 기기, 실습 3의 그래프 페이지를 계속 실행',
  },
  sandbox: {
    description: '오프라인 실습용 내장 로컬 AWS를 127.0.0.1에서 실행',
    start: '샌드박스 시작 (포그라운드에서 실행, 백그라운드로 두려면 --detach)',
    port: '엣지 포트 (기본값 4566, 0이면 비어 있는 포트)',
    host: '바인딩할 인터페이스 (기본값 127.0.0.1, 루프백만. 다른 주소는 --verify-signatures 필요)',
    data: '샌드박스 상태를 보관할 위치 (기본값 .lab/sandbox)',
    inMemory: '디스크에 아무것도 남기지 않음',
    repair: '손상된 데이터로 시작: 읽을 수 있는 것은 살리고, 손상된 부분은 옆의 날짜가 붙은 폴더로 옮김',
    detach: '백그라운드에서 실행하고 응답하기 시작하면 돌아옴',
    verifySignatures: '샌드박스 시크릿으로 서명하지 않은 요청 거부',
    secretAccessKey: '클라이언트가 서명에 쓸 시크릿 (기본값 test. --host가 루프백이 아니면 생성해서 한 번만 보여 줌)',
    enforceLimits: 'Kinesis 샤드별 쓰기 한도 적용',
    iamEnforcement: '역할 세션과 서비스 역할(함수, 규칙 작업, Firehose, 매핑, 크롤러)이 AWS처럼 정책을 따르게 함 (기본값 on)',
    metricDelay: 'AWS의 지연처럼 이보다 최근의 CloudWatch 데이터 포인트를 숨김',
    provisioningDelay: '새로 만들거나 변경한 스트림을 AWS처럼 이 시간 동안 CREATING/UPDATING으로 유지 (기본값 0)',
    iamPropagationDelay: 'IAM 전파처럼 새로 만들거나 변경한 역할을 이 시간 동안 서비스가 쓰지 못하게 함 (기본값 0)',
    firehoseIntervalScale: 'Firehose 버퍼링 간격에 곱할 배수 (빠른 테스트에는 0.01)',
    mqttPort: 'IoT MQTT 브로커 포트, 일반 TCP (기본값 1883, 0이면 비어 있는 포트)',
    mqttsPort: 'IoT MQTT 브로커 포트, 클라이언트 인증서를 쓰는 TLS (기본값 8883, 0이면 비어 있는 포트)',
    stop: '--detach로 시작한 샌드박스 중지',
    reset: '로컬 샌드박스 비우기: 여기서 시작한 샌드박스를 같은 옵션의 빈 상태로 다시 시작하거나, 실행 중이 아니면 데이터를 삭제',
    resetData: '실행 중인 샌드박스가 없을 때 비울 데이터 디렉터리 (기본값 .lab/sandbox)',
    status: '엔드포인트, 서비스, 응답한 호출 수, 샌드박스가 구현하지 않은 호출',
    statusJson: '상태 문서를 JSON으로 출력',
  },
  headings: {
    usage: '사용법:',
    options: '옵션:',
    commands: '명령:',
    arguments: '인수:',
    globalOptions: '전역 옵션:',
  },
  refusals: {
    unknownCommand: "오류: 알 수 없는 명령 '{{command}}'",
    unknownOption: "오류: 알 수 없는 옵션 '{{option}}'",
    missingArgument: "오류: 필수 인수 '{{argument}}'이(가) 없습니다",
    optionArgumentMissing: "오류: 옵션 '{{option}}'의 값이 없습니다",
    requiredOption: "오류: 필수 옵션 '{{option}}'을(를) 지정하지 않았습니다",
    tooManyArguments: '오류: 인수가 너무 많습니다. {{expected}}개를 받아야 하는데 {{received}}개를 받았습니다.',
    tooManyArgumentsFor: "오류: '{{command}}'의 인수가 너무 많습니다. {{expected}}개를 받아야 하는데 {{received}}개를 받았습니다.",
    didYouMean: '(혹시 {{suggestion}}을(를) 찾으셨나요?)',
    didYouMeanOneOf: '(혹시 {{suggestions}} 중 하나를 찾으셨나요?)',
  },
  menu: {
    pickLab: '실습을 고르세요',
    quit: '끝내기',
    lab: '실습 {{number}}',
    read: '실습 읽기',
    check: '내 작업 채점하기',
    hint: '힌트 보기',
    back: '뒤로',
  },
};

/** The CLI's own words, in the language chosen for this run. */
export const cliText = defineMessages('cli', en, ko);

/** Commander's help headings, as `lab --help` shows them in the chosen language. */
export function helpHeading(heading: string): string {
  const key = ({ 'Usage:': 'usage', 'Options:': 'options', 'Commands:': 'commands', 'Arguments:': 'arguments', 'Global Options:': 'globalOptions' } as const)[heading];
  return key ? cliText(`headings.${key}`) : heading;
}

// Commander's refusals, recognised by their English form (commander has no catalogue of its own).
const REFUSALS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: unknown command '(.+)'/, (m) => cliText('refusals.unknownCommand', { command: m[1]! })],
  [/^error: unknown option '(.+)'/, (m) => cliText('refusals.unknownOption', { option: m[1]! })],
  [/^error: missing required argument '(.+)'/, (m) => cliText('refusals.missingArgument', { argument: m[1]! })],
  [/^error: option '(.+)' argument missing/, (m) => cliText('refusals.optionArgumentMissing', { option: m[1]! })],
  [/^error: required option '(.+)' not specified/, (m) => cliText('refusals.requiredOption', { option: m[1]! })],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\./, (m) => cliText('refusals.tooManyArgumentsFor', { command: m[1]!, expected: m[2]!, received: m[3]! })],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (m) => cliText('refusals.tooManyArguments', { expected: m[1]!, received: m[2]! })],
];

/** One line commander printed, in the chosen language (lines it does not know stay as they are). */
export function commanderLine(line: string): string {
  const several = /^\(Did you mean one of (.+)\?\)$/.exec(line);
  if (several) return cliText('refusals.didYouMeanOneOf', { suggestions: several[1]! });
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(line);
  if (suggestion) return cliText('refusals.didYouMean', { suggestion: suggestion[1]! });
  for (const [pattern, render] of REFUSALS) {
    const m = pattern.exec(line);
    if (m) return render(m) + line.slice(m[0].length);
  }
  return line;
}
