// What `lab grade` tells the instructor (terminal, progress, roster refusals, the HTML report), in English
// and Korean side by side with the same {{placeholders}}. CSV, JUnit and JSON keep English field names.

import { defineMessages, storedMessages, type StoredMessage } from '../i18n/index.js';

const en = {
  start: 'Grading {{count}} student(s) on {{labs}}, {{concurrency}} at a time, read-only (rows without their own target: {{target}}, region {{region}}).',
  regionFromConfig: 'from the AWS configuration',
  lab: 'lab {{number}}',
  reportTitle: 'IoT pipeline labs · class report',
  table: {
    student: 'student',
    total: 'total',
    error: 'error: {{message}}',
  },
  counts: '{{graded}} graded, {{unreachable}} could not be reached.',
  stuck: {
    heading: 'Where the class is stuck:',
    line: '  lab {{lab}} {{id}}: not passed by {{failing}}/{{graded}}{{hint}}',
    hint: ' — hint: {{hint}}',
  },
  wrote: 'Wrote {{files}}',
  refuse: {
    noRoster: 'lab grade needs --roster FILE.',
    noChecks: 'No lab has checks yet.',
    backwards: '--labs {{spec}}: the range {{range}} runs backwards.',
  },
  roster: {
    unreadable: 'Cannot read the roster {{file}}: {{reason}}.',
    noFile: 'no such file',
    empty: 'The roster is empty: it needs a header row (id,name,...) and one row per student.',
    unknownColumns: 'The roster has unknown column(s) {{columns}}: use {{known}}.',
    noIdColumn: 'The roster needs an id column (one unique id per student).',
    noStudents: 'The roster lists no student.',
    badId: 'Roster line {{line}}: the id "{{id}}" must be letters, digits, dots, dashes, underscores or @ (at most 64).',
    twice: 'Roster line {{line}}: id {{id}} appears twice.',
  },
  row: {
    line: 'Roster line {{line}}: {{reason}}.',
    prefix: 'prefix "{{prefix}}" must be lower-case letters, digits and dashes, starting with a letter',
    endpointOnAws: 'endpoint applies to the local target only',
    keysTogether: 'access_key_id and secret_access_key go together',
    severalIdentities: 'give keys, a profile or a role, not several',
    roleArn: 'role_arn "{{roleArn}}" is not a role ARN (arn:aws:iam::123456789012:role/NAME)',
    unreachable: 'Could not reach the account: {{message}}{{detail}}',
  },
  progress: {
    lab: 'lab {{number}} {{score}}/{{max}}',
    line: '[{{done}}/{{total}}] {{id}}: {{outcome}} ({{seconds}} s)',
    bar: '{{done}}/{{total}} graded · {{running}} running{{unreachable}}',
    unreachable: ' · {{count}} unreachable',
  },
  html: {
    summary: '{{students}} student(s): {{graded}} graded, {{unreachable}} could not be reached',
    labHead: 'Lab {{number}} · {{name}}',
    lab: 'Lab {{number}}',
    heatmap: 'Students × checks',
    stuck: 'Where the class is stuck',
    students: 'Each student',
    student: 'student',
    score: 'score',
    points: '{{title}} ({{points}} pt)',
    notGraded: 'not graded',
    nobodyGraded: 'No student could be graded.',
    nobodyStuck: 'No check fails for half of the class or more.',
    notPassedBy: 'not passed by {{failing}} of {{graded}} students ({{percent}}%)',
    hint: 'Hint: {{hint}}',
    account: ' · account {{account}} · {{region}}',
    prefix: ' · prefix {{prefix}}',
    passed: 'passed',
    notPassed: 'not passed',
    columns: { lab: 'lab', check: 'check', status: 'status', points: 'points', saw: 'what the check saw' },
    legend: { pass: 'pass', fail: 'fail', pending: 'pending (data had not arrived)', error: 'error', skip: 'skipped' },
    status: { pass: 'pass', fail: 'fail', pending: 'pending', error: 'error', skip: 'skip' },
  },
} as const;

export const tg = defineMessages('grade', en, {
  start: '학생 {{count}}명을 {{labs}}에 대해 채점합니다. 한 번에 {{concurrency}}명씩, 읽기 전용으로 진행합니다 (대상을 따로 지정하지 않은 행: {{target}}, 리전 {{region}}).',
  regionFromConfig: 'AWS 구성에 설정된 리전',
  lab: '실습 {{number}}',
  reportTitle: 'IoT 파이프라인 실습 · 수업 채점 보고서',
  table: {
    student: '학생',
    total: '합계',
    error: '오류: {{message}}',
  },
  counts: '{{graded}}명을 채점했고, {{unreachable}}명은 계정에 연결하지 못했습니다.',
  stuck: {
    heading: '수강생들이 막힌 곳:',
    line: '  실습 {{lab}} {{id}}: {{failing}}/{{graded}}명 미통과{{hint}}',
    hint: ' — 힌트: {{hint}}',
  },
  wrote: '저장한 파일: {{files}}',
  refuse: {
    noRoster: 'lab grade에는 --roster FILE이 필요합니다.',
    noChecks: '아직 검사가 있는 실습이 없습니다.',
    backwards: '--labs {{spec}}: 범위 {{range}}의 순서가 거꾸로입니다 (작은 번호를 먼저 쓰세요).',
  },
  roster: {
    unreadable: '명단 {{file}}을(를) 읽을 수 없습니다: {{reason}}.',
    noFile: '파일이 없습니다',
    empty: '명단이 비어 있습니다: 머리글 행(id,name,...)과 학생마다 한 행이 필요합니다.',
    unknownColumns: '명단에 알 수 없는 열이 있습니다: {{columns}}. 쓸 수 있는 열: {{known}}.',
    noIdColumn: '명단에 id 열이 필요합니다 (학생마다 고유한 id 하나).',
    noStudents: '명단에 학생이 한 명도 없습니다.',
    badId: '명단 {{line}}행: id "{{id}}"에는 영문자, 숫자, 점, 대시, 밑줄, @만 쓸 수 있습니다 (최대 64자).',
    twice: '명단 {{line}}행: id {{id}}이(가) 두 번 나옵니다.',
  },
  row: {
    line: '명단 {{line}}행: {{reason}}.',
    prefix: '접두사 "{{prefix}}"은(는) 영문 소문자, 숫자, 대시로만 이루어지고 영문 소문자로 시작해야 합니다',
    endpointOnAws: 'endpoint는 local 대상에만 쓸 수 있습니다',
    keysTogether: 'access_key_id와 secret_access_key는 함께 적어야 합니다',
    severalIdentities: '키, 프로필, 역할 중 하나만 적으세요',
    roleArn: 'role_arn "{{roleArn}}"은(는) 역할 ARN이 아닙니다 (arn:aws:iam::123456789012:role/NAME)',
    unreachable: '계정에 연결할 수 없습니다: {{message}}{{detail}}',
  },
  progress: {
    lab: '실습 {{number}} {{score}}/{{max}}',
    line: '[{{done}}/{{total}}] {{id}}: {{outcome}} ({{seconds}}초)',
    bar: '{{done}}/{{total}}명 채점 완료 · {{running}}명 진행 중{{unreachable}}',
    unreachable: ' · {{count}}명 연결 불가',
  },
  html: {
    summary: '학생 {{students}}명: {{graded}}명 채점, {{unreachable}}명 연결 불가',
    labHead: '실습 {{number}} · {{name}}',
    lab: '실습 {{number}}',
    heatmap: '학생 × 검사',
    stuck: '수강생들이 막힌 곳',
    students: '학생별 결과',
    student: '학생',
    score: '점수',
    points: '{{title}} ({{points}}점)',
    notGraded: '채점 안 됨',
    nobodyGraded: '채점할 수 있었던 학생이 없습니다.',
    nobodyStuck: '학생 절반 이상이 통과하지 못한 검사는 없습니다.',
    notPassedBy: '학생 {{graded}}명 중 {{failing}}명 미통과 ({{percent}}%)',
    hint: '힌트: {{hint}}',
    account: ' · 계정 {{account}} · {{region}}',
    prefix: ' · 접두사 {{prefix}}',
    passed: '통과',
    notPassed: '미통과',
    columns: { lab: '실습', check: '검사', status: '상태', points: '점수', saw: '검사가 확인한 내용' },
    legend: { pass: '통과', fail: '미통과', pending: '대기 중 (데이터가 아직 도착하지 않음)', error: '오류', skip: '건너뜀' },
    status: { pass: '통과', fail: '미통과', pending: '대기 중', error: '오류', skip: '건너뜀' },
  },
});

/**
 * A message stored before it is shown: the terminal and the HTML report say it in the workbook's language;
 * grades.csv, grades.junit.xml and students/<id>.json in English.
 */
export type GradeText = StoredMessage<Parameters<typeof tg>[0]>;

export const { say, inEnglish } = storedMessages(tg);
