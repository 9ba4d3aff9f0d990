// What `lab reset` tells the instructor, in English and Korean side by side: keep the two in step, with
// the same {{placeholders}}. Resource names, kinds, commands and AWS's own errors stay as they are.

import { defineMessages } from '../i18n/index.js';

const en = {
  looking: 'Looking for the workshop\'s resources: tag workshop=iot-pipeline-labs or the names of prefix "{{prefix}}", {{labs}}{{keeping}}.',
  keepingDevice: ', keeping the lab 0 device',
  allLabs: 'all labs',
  table: {
    service: 'service',
    type: 'type',
    name: 'name',
    why: 'why selected',
    lab: 'lab',
    nothing: 'Nothing to delete: no resource has the workshop tag or one of the prefix’s names.',
    leftAlone: 'left alone: {{type}} {{name}} ({{reason}})',
    searchFailed: 'could not search {{service}}: {{error}}: {{message}}',
  },
  selection: {
    tag: 'tag',
    name: 'name',
    accountCertificate: 'certificate of this account',
    attachedToThing: 'attached to thing {{thing}}',
    savedForDevice: 'saved for `lab device`',
    triggerOf: 'trigger of function {{function}}',
    inWorkgroup: 'in workgroup {{workgroup}}',
    functionLogs: 'logs of function {{name}}',
    deliveryStreamLogs: 'logs of delivery stream {{name}}',
  },
  kinds: {
    'iot-rule': 'topic rule',
    'iot-certificate': 'certificate',
    'iot-thing': 'thing',
    'iot-policy': 'policy',
    'lambda-event-source-mapping': 'event source mapping',
    'lambda-function': 'function',
    'apigateway-rest-api': 'REST API',
    'firehose-delivery-stream': 'delivery stream',
    's3-bucket': 'bucket',
    'glue-crawler': 'crawler',
    'glue-database': 'database',
    'athena-workgroup': 'workgroup',
    'athena-named-query': 'named query',
    'kinesis-stream': 'stream',
    'dynamodb-table': 'table',
    'logs-log-group': 'log group',
    'iam-role': 'role',
    'device-files': 'saved device certificate',
  },
  dryRun: {
    nothing: 'Dry run: nothing to delete.',
    planned: 'Dry run: nothing was deleted. Run again with --apply to delete these {{count}} resource(s).',
    protected: 'Account {{account}} is protected (lab config protected-accounts): lab reset will not delete anything in it.',
  },
  report: 'Report: {{file}}',
  refuse: {
    confirmWithoutApply: '--confirm-account confirms a deletion: use it with --apply.',
    protected: 'Account {{account}} is protected (lab config protected-accounts): lab reset deletes nothing in it.',
    unconfirmed: '--apply needs the account id confirmed: pass --confirm-account {{account}} (or run it in a terminal).',
    wrongAccount: '"{{typed}}" is not the account graded here ({{account}}): nothing was deleted.',
  },
  question: 'Type the account id ({{account}}) to delete these {{count}} resource(s):',
  done: {
    counts: 'Deleted {{deleted}}, skipped {{skipped}}, failed {{failed}}.',
    failures: ' The failures name AWS’s error: fix the cause and run lab reset again.',
    forgotten: 'Progress of {{labs}} forgotten for account {{account}}. Report: {{file}}',
  },
  progress: {
    deleted: '{{name}}: deleted',
    skipped: '{{name}}: skipped',
    failed: '{{name}}: failed',
  },
  reasons: {
    alreadyDeleted: 'already deleted',
    interrupted: 'interrupted before its turn',
    cannotDelete: 'this workbook cannot delete a {{kind}} yet',
    beingDeleted: 'already being deleted',
    sharedCertificate: 'also attached to thing {{things}}, which is not reset',
    otherRegion: 'in region {{region}}, not {{target}}',
  },
  steps: {
    deletedStages: 'deleted stage {{stages}}',
    deletedDeployments: 'deleted {{count}} deployment(s)',
    stoppedCrawl: 'stopped the running crawl',
    deletedTables: 'deleted table {{tables}}',
    detachedRolePolicies: 'detached {{policies}}',
    deletedInlinePolicies: 'deleted inline {{policies}}',
    detachedCertificatePolicies: 'detached policy {{policies}}',
    detachedFromThings: 'detached from thing {{things}}',
    setInactive: 'set INACTIVE',
    detachedPrincipals: 'detached {{count}} principal(s)',
    detachedTargets: 'detached from {{count}} target(s)',
    deletedOldVersions: 'deleted {{count}} old version(s)',
    emptied: 'emptied: {{versions}} object version(s), {{uploads}} upload(s)',
    emptiedFirst: 'emptied first: {{versions}} object version(s), {{uploads}} upload(s)',
  },
} as const;

export const tr = defineMessages('reset', en, {
  looking: '워크숍의 리소스를 찾습니다: workshop=iot-pipeline-labs 태그가 있거나 접두사 "{{prefix}}"의 이름을 쓰는 리소스, 대상: {{labs}}{{keeping}}.',
  keepingDevice: ', 실습 0의 기기는 남겨 둠',
  allLabs: '모든 실습',
  table: {
    service: '서비스',
    type: '유형',
    name: '이름',
    why: '선택된 이유',
    lab: '실습',
    nothing: '삭제할 것이 없습니다: 워크숍 태그가 있거나 접두사의 이름을 쓰는 리소스가 없습니다.',
    leftAlone: '남겨 둠: {{type}} {{name}} ({{reason}})',
    searchFailed: '{{service}}을(를) 검색하지 못했습니다: {{error}}: {{message}}',
  },
  selection: {
    tag: '태그',
    name: '이름',
    accountCertificate: '이 계정의 인증서',
    attachedToThing: '사물 {{thing}}에 연결됨',
    savedForDevice: '`lab device`용으로 저장됨',
    triggerOf: '함수 {{function}}의 트리거',
    inWorkgroup: '작업 그룹 {{workgroup}}에 있음',
    functionLogs: '함수 {{name}}의 로그',
    deliveryStreamLogs: '전송 스트림 {{name}}의 로그',
  },
  kinds: {
    'iot-rule': '규칙',
    'iot-certificate': '인증서',
    'iot-thing': '사물',
    'iot-policy': '정책',
    'lambda-event-source-mapping': '이벤트 소스 매핑',
    'lambda-function': '함수',
    'apigateway-rest-api': 'REST API',
    'firehose-delivery-stream': '전송 스트림',
    's3-bucket': '버킷',
    'glue-crawler': '크롤러',
    'glue-database': '데이터베이스',
    'athena-workgroup': '작업 그룹',
    'athena-named-query': '저장된 쿼리',
    'kinesis-stream': '스트림',
    'dynamodb-table': '테이블',
    'logs-log-group': '로그 그룹',
    'iam-role': '역할',
    'device-files': '저장된 기기 인증서',
  },
  dryRun: {
    nothing: '시험 실행: 삭제할 것이 없습니다.',
    planned: '시험 실행이라 아무것도 삭제하지 않았습니다. 이 리소스 {{count}}개를 삭제하려면 --apply를 붙여 다시 실행하세요.',
    protected: '계정 {{account}}은(는) 보호된 계정입니다 (lab config protected-accounts): lab reset은 이 계정에서 아무것도 삭제하지 않습니다.',
  },
  report: '보고서: {{file}}',
  refuse: {
    confirmWithoutApply: '--confirm-account는 삭제를 확인하는 옵션입니다: --apply와 함께 쓰세요.',
    protected: '계정 {{account}}은(는) 보호된 계정입니다 (lab config protected-accounts): lab reset은 이 계정에서 아무것도 삭제하지 않습니다.',
    unconfirmed: '--apply로 삭제하려면 계정 ID를 확인해야 합니다: --confirm-account {{account}} 옵션을 붙이거나 터미널에서 실행하세요.',
    wrongAccount: '"{{typed}}"은(는) 여기서 다루는 계정({{account}})이 아닙니다: 아무것도 삭제하지 않았습니다.',
  },
  question: '이 리소스 {{count}}개를 삭제하려면 계정 ID({{account}})를 입력하세요:',
  done: {
    counts: '삭제 {{deleted}}개, 건너뜀 {{skipped}}개, 실패 {{failed}}개.',
    failures: ' 실패한 항목마다 AWS의 오류가 적혀 있습니다: 원인을 고친 뒤 lab reset을 다시 실행하세요.',
    forgotten: '계정 {{account}}에서 {{labs}}의 진행 기록을 지웠습니다. 보고서: {{file}}',
  },
  progress: {
    deleted: '{{name}}: 삭제됨',
    skipped: '{{name}}: 건너뜀',
    failed: '{{name}}: 실패',
  },
  reasons: {
    alreadyDeleted: '이미 삭제됨',
    interrupted: '차례가 오기 전에 중단됨',
    cannotDelete: '이 워크북은 아직 {{kind}}을(를) 삭제할 수 없습니다',
    beingDeleted: '이미 삭제되는 중',
    sharedCertificate: '초기화하지 않는 사물 {{things}}에도 연결되어 있음',
    otherRegion: '리전 {{target}}이 아닌 {{region}}에 있음',
  },
  steps: {
    deletedStages: '스테이지 {{stages}} 삭제됨',
    deletedDeployments: '배포 {{count}}개 삭제됨',
    stoppedCrawl: '실행 중인 크롤링 중지됨',
    deletedTables: '테이블 {{tables}} 삭제됨',
    detachedRolePolicies: '정책 {{policies}} 분리됨',
    deletedInlinePolicies: '인라인 정책 {{policies}} 삭제됨',
    detachedCertificatePolicies: '정책 {{policies}} 분리됨',
    detachedFromThings: '사물 {{things}}에서 분리됨',
    setInactive: 'INACTIVE로 설정됨',
    detachedPrincipals: '보안 주체 {{count}}개 분리됨',
    detachedTargets: '대상 {{count}}개에서 분리됨',
    deletedOldVersions: '이전 버전 {{count}}개 삭제됨',
    emptied: '비움: 객체 버전 {{versions}}개, 업로드 {{uploads}}개',
    emptiedFirst: '먼저 비움: 객체 버전 {{versions}}개, 업로드 {{uploads}}개',
  },
});

/** A message kept as its key, for a text stored before it is shown (the JSON report keeps the English). */
export interface ResetText {
  key: Parameters<typeof tr>[0];
  values?: Record<string, string | number>;
}

/** The message in English whatever the language: what the JSON report, a machine format, carries. */
export function inEnglish(text: ResetText): string {
  return tr(text.key, text.values, 'en');
}

export const say = (text: ResetText): string => tr(text.key, text.values);
