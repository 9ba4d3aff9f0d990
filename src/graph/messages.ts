// What `lab graph` and lab 3's graph page say, English and Korean side by side. `page` is the page's own
// words: `lab graph` embeds them when it serves the page; `backticks` there mark code, {{link}} a link.

import { defineMessages, language, type Language } from '../i18n/index.js';
import type { Catalogue } from '../i18n/en.js';

const en = {
  command: {
    noApi: 'No REST API for lab 3 in this account: {{via}}.',
    noApiHint: 'Build the API in lab 3 (`lab open 3`), or deploy the reference solution with `lab solve 3`.',
    notDeployed: 'The API {{name}} ({{id}}) is not deployed to a stage yet, so it has no invoke URL.',
    notDeployedHint: 'Deploy it to the stage handson (lab 3), or run `lab solve 3`.',
    describe: 'API {{name}} ({{id}}) · stage {{stage}} · {{url}}',
    portInUse: 'Port {{port}} is in use; pick another with --port, or leave it out for a free one.',
    graphOf: 'Graph of {{device}}: {{url}}',
    serving: 'Serving the page until Ctrl-C.',
    noBrowser: 'Could not open a browser: open the address above yourself.',
    badPort: '--port takes a port number (0 for a free one), not "{{value}}".',
    badEvery: '--every takes a number of seconds from 1 to 3600, not "{{value}}".',
  },
  server: {
    noAssets: 'assets/graph/ is missing from this installation.',
    probeTimeout: 'no answer within {{seconds}} s',
  },
  page: {
    title: 'IoT readings · lab 3',
    heading: 'Readings of {{device}}',
    aDevice: 'a device',
    form: { api: 'Invoke URL', device: 'Device', every: 'Every', seconds: 's', show: 'Show' },
    intro: "Enter the invoke URL of your API's stage and the device name.",
    asking: 'Asking {{url}} …',
    status: {
      updated: 'Updated {{time}} UTC',
      point: '{{points}} point',
      points: '{{points}} points',
      newest: 'newest reading {{timestamp}}',
      retrying: '{{problem}}; trying again every {{every}} s',
      every: 'every {{every}} s',
    },
    chart: { time: 'Time (UTC)', temperature: 'Temperature (°C)', humidity: 'Humidity (%)' },
    noBody: '(no body)',
    yourFunction: '<your-function>',
    logs: 'Read its logs: `{{command}}`',
    setup: {
      title: 'The page needs an invoke URL and a device',
      noDevice: 'Enter the device name (the deviceid of its readings).',
      noApi: "Enter the invoke URL of your API's stage.",
      notHttp: 'The invoke URL must start with https:// (or http:// for the local sandbox), not "{{api}}".',
    },
    library: {
      title: 'The chart library is missing',
      text: 'The readings are fetched, but cannot be drawn: run `npm run build` in the workbook (it copies uPlot next to this page), or use `lab graph`.',
    },
    cors: {
      title: "The browser refused the API's answer (CORS)",
      answered: 'The API answered {{url}}, but without the header `Access-Control-Allow-Origin`, so the browser does not let this page read it.',
      answeredStatus: 'The API answered {{url}} with HTTP {{status}}, but without the header `Access-Control-Allow-Origin`, so the browser does not let this page read it.',
      proxy:
        'With a Lambda proxy integration, API Gateway passes on only the headers your function returns: the function must send `"headers": {"Access-Control-Allow-Origin": "*"}` with every answer. Give /datas/{deviceid} an OPTIONS method too (Enable CORS) for browsers that ask first, then deploy the API to the stage again.',
      notSure:
        "Not sure? API Gateway's own errors carry no CORS header either, so a wrong stage or path (403) or a malformed function answer (502) look the same from here: {{link}} in a new tab to see the real answer, or use `lab graph`, which tells them apart.",
      openUrl: 'open the URL',
    },
    stage: {
      title: 'API Gateway has no such route: check the stage name and /datas/{deviceid}',
      answered: '`{{url}}` answered HTTP {{status}} `{{body}}`: no method exists for this path on this stage.',
      invokeUrl:
        'The invoke URL is the URL of a deployed stage, e.g. `https://<api-id>.execute-api.<region>.amazonaws.com/handson`; the page adds /datas/<device>. After changing resources or methods, deploy the API to the stage again.',
    },
    gateway: {
      title: 'API Gateway could not run the function (HTTP 500)',
      text: 'API Gateway answered `{{body}}` before your function ran: usually the function lacks the permission for apigateway.amazonaws.com to invoke it, or the integration names a function that does not exist. `lab check 3` says which.',
    },
    function: {
      title: 'The function failed (HTTP 500)',
      answered: 'It answered: `{{body}}`',
    },
    proxy: {
      title: "The function's answer is not a Lambda proxy answer (HTTP 502)",
      shape:
        'With a proxy integration the function must return `{"statusCode": 200, "headers": {...}, "body": "<JSON text>"}`: the body is a string (`json.dumps(...)` in Python, `JSON.stringify(...)` in Node), not an object.',
      failed: 'A function that raised an error or timed out gives 502 too. Read its logs: `{{command}}`',
    },
    empty: {
      title: 'No readings of {{device}} yet',
      list: 'The API works (HTTP 200) but returned an empty list: the table has no readings with deviceid `{{device}}`.',
      start: 'Start the device with `lab device` and check that lab 1 writes its readings to the table (`lab check 1`). Is the device name right?',
    },
    network: {
      title: 'The API cannot be reached',
      noAnswer: 'The browser got no answer from {{host}}.',
      probe: 'No answer from {{host}}: {{reason}}.',
      timeout: '{{host}} did not answer within {{seconds}} s.',
      check: 'Check the invoke URL (API id, region), your network connection, and on the local target that the sandbox runs (`lab sandbox start`).',
    },
    shape: {
      title: 'The answer is not the list of readings the page expects',
      expected: 'HTTP 200, but the body is not `{"{{device}}": [{"timestamp": "...", "value": 23, "humidity": 41}, ...]}`:',
    },
    http: { title: 'The API answered HTTP {{status}}' },
  },
};

const ko: Catalogue<typeof en> = {
  command: {
    noApi: '이 계정에 실습 3의 REST API가 없습니다: {{via}}.',
    noApiHint: '실습 3에서 API를 만들거나(`lab open 3`), `lab solve 3`으로 참조 솔루션을 배포하세요.',
    notDeployed: 'API {{name}}({{id}})이(가) 아직 스테이지에 배포되지 않아 호출 URL이 없습니다.',
    notDeployedHint: 'handson 스테이지에 배포하거나(실습 3), `lab solve 3`을 실행하세요.',
    describe: 'API {{name}} ({{id}}) · 스테이지 {{stage}} · {{url}}',
    portInUse: '포트 {{port}}은(는) 이미 사용 중입니다. --port로 다른 포트를 고르거나, 이 옵션을 빼서 빈 포트를 쓰세요.',
    graphOf: '{{device}}의 그래프: {{url}}',
    serving: 'Ctrl-C를 누를 때까지 페이지를 제공합니다.',
    noBrowser: '브라우저를 열지 못했습니다. 위 주소를 직접 여세요.',
    badPort: '--port에는 포트 번호(빈 포트는 0)를 써야 합니다. "{{value}}"은(는) 쓸 수 없습니다.',
    badEvery: '--every에는 1부터 3600까지의 초 단위 숫자를 써야 합니다. "{{value}}"은(는) 쓸 수 없습니다.',
  },
  server: {
    noAssets: '이 설치본에 assets/graph/가 없습니다.',
    probeTimeout: '{{seconds}}초 안에 응답이 없습니다',
  },
  page: {
    title: 'IoT 측정값 · 실습 3',
    heading: '{{device}}의 측정값',
    aDevice: '기기',
    form: { api: '호출 URL', device: '기기', every: '간격', seconds: '초', show: '보기' },
    intro: 'API 스테이지의 호출 URL과 기기 이름을 입력하세요.',
    asking: '{{url}}에 요청하는 중 …',
    status: {
      updated: '{{time}} UTC에 업데이트',
      point: '측정값 {{points}}개',
      points: '측정값 {{points}}개',
      newest: '최신 측정값 {{timestamp}}',
      retrying: '{{problem}}. {{every}}초마다 다시 시도합니다',
      every: '{{every}}초마다',
    },
    chart: { time: '시각 (UTC)', temperature: '온도 (°C)', humidity: '습도 (%)' },
    noBody: '(본문 없음)',
    yourFunction: '<함수-이름>',
    logs: '로그를 확인하세요: `{{command}}`',
    setup: {
      title: '이 페이지에는 호출 URL과 기기가 필요합니다',
      noDevice: '기기 이름(측정값의 deviceid)을 입력하세요.',
      noApi: 'API 스테이지의 호출 URL을 입력하세요.',
      notHttp: '호출 URL은 https://(로컬 샌드박스는 http://)로 시작해야 합니다. "{{api}}"은(는) 쓸 수 없습니다.',
    },
    library: {
      title: '차트 라이브러리가 없습니다',
      text: '측정값은 가져왔지만 그릴 수 없습니다. 워크북에서 `npm run build`를 실행하거나(uPlot을 이 페이지 옆에 복사합니다), `lab graph`를 쓰세요.',
    },
    cors: {
      title: '브라우저가 API의 응답을 거부했습니다 (CORS)',
      answered: 'API가 {{url}}에 응답했지만 `Access-Control-Allow-Origin` 헤더가 없어서, 브라우저가 이 페이지에서 응답을 읽지 못하게 합니다.',
      answeredStatus: 'API가 {{url}}에 HTTP {{status}}(으)로 응답했지만 `Access-Control-Allow-Origin` 헤더가 없어서, 브라우저가 이 페이지에서 응답을 읽지 못하게 합니다.',
      proxy:
        'Lambda 프록시 통합에서 API Gateway는 함수가 돌려준 헤더만 그대로 전달합니다. 함수는 모든 응답에 `"headers": {"Access-Control-Allow-Origin": "*"}`를 함께 보내야 합니다. 먼저 확인 요청을 보내는 브라우저를 위해 /datas/{deviceid}에 OPTIONS 메서드도 만든 뒤(CORS 활성화), API를 스테이지에 다시 배포하세요.',
      notSure:
        '확실하지 않나요? API Gateway 자체의 오류에도 CORS 헤더가 없어서, 잘못된 스테이지나 경로(403)와 형식이 잘못된 함수 응답(502)이 여기서는 똑같이 보입니다. {{link}} 실제 응답을 확인하거나, 둘을 구분해 주는 `lab graph`를 쓰세요.',
      openUrl: 'URL을 새 탭에서 열어',
    },
    stage: {
      title: 'API Gateway에 이런 경로가 없습니다: 스테이지 이름과 /datas/{deviceid}를 확인하세요',
      answered: '`{{url}}`이(가) HTTP {{status}} `{{body}}`(으)로 응답했습니다: 이 스테이지에는 이 경로의 메서드가 없습니다.',
      invokeUrl:
        '호출 URL은 배포된 스테이지의 URL입니다(예: `https://<api-id>.execute-api.<region>.amazonaws.com/handson`). 페이지가 뒤에 /datas/<device>를 붙입니다. 리소스나 메서드를 바꾼 뒤에는 API를 스테이지에 다시 배포하세요.',
    },
    gateway: {
      title: 'API Gateway가 함수를 실행하지 못했습니다 (HTTP 500)',
      text: 'API Gateway가 함수를 실행하기 전에 `{{body}}`(으)로 응답했습니다. 보통 apigateway.amazonaws.com이 함수를 호출할 권한이 없거나, 통합이 존재하지 않는 함수를 가리키는 경우입니다. 어느 경우인지는 `lab check 3`이 알려 줍니다.',
    },
    function: {
      title: '함수가 실패했습니다 (HTTP 500)',
      answered: '함수의 응답: `{{body}}`',
    },
    proxy: {
      title: '함수의 응답이 Lambda 프록시 응답 형식이 아닙니다 (HTTP 502)',
      shape:
        '프록시 통합에서는 함수가 `{"statusCode": 200, "headers": {...}, "body": "<JSON text>"}`를 돌려줘야 합니다. body는 객체가 아니라 문자열입니다 (Python에서는 `json.dumps(...)`, Node에서는 `JSON.stringify(...)`).',
      failed: '오류가 나거나 제한 시간을 넘긴 함수도 502를 줍니다. 로그를 확인하세요: `{{command}}`',
    },
    empty: {
      title: '아직 {{device}}의 측정값이 없습니다',
      list: 'API는 동작하지만(HTTP 200) 빈 목록을 돌려주었습니다. 테이블에 deviceid가 `{{device}}`인 측정값이 없습니다.',
      start: '`lab device`로 기기를 시작하고, 실습 1이 측정값을 테이블에 쓰는지 확인하세요(`lab check 1`). 기기 이름이 맞나요?',
    },
    network: {
      title: 'API에 연결할 수 없습니다',
      noAnswer: '브라우저가 {{host}}에서 응답을 받지 못했습니다.',
      probe: '{{host}}에서 응답이 없습니다: {{reason}}.',
      timeout: '{{host}}이(가) {{seconds}}초 안에 응답하지 않았습니다.',
      check: '호출 URL(API ID, 리전)과 네트워크 연결을 확인하고, 로컬 대상이라면 샌드박스가 실행 중인지 확인하세요(`lab sandbox start`).',
    },
    shape: {
      title: '응답이 페이지가 기대하는 측정값 목록이 아닙니다',
      expected: 'HTTP 200이지만 본문이 `{"{{device}}": [{"timestamp": "...", "value": 23, "humidity": 41}, ...]}` 형식이 아닙니다:',
    },
    http: { title: 'API가 HTTP {{status}}(으)로 응답했습니다' },
  },
};

export const tg = defineMessages('graph', en, ko);

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))));
}

/**
 * The graph page's words as the page looks them up (`cors.title`, ...), {{placeholders}} unfilled: the
 * page fills them. In the workbook's language, or in `lng`.
 */
export function pageText(lng: Language = language()): Record<string, string> {
  return flatten((lng === 'ko' ? ko.page : en.page) as Tree);
}
