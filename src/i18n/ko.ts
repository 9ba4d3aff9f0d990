// The workbook's words in Korean, as a Korean instructor would write them; AWS's console names as the
// Korean console shows them. The type makes a missing or extra key a compile error.

import type { Catalogue } from './en.js';

export const ko: Catalogue = {
  report: {
    score: '점수 {{score}}/{{max}} ({{percent}}%, 통과 기준 {{passMark}}%): {{verdict}}',
    passed: '통과',
    notPassed: '미통과',
    hint: '힌트',
    error: '오류',
    waiting: '기다리는 중: {{reason}} (다음 확인까지 {{next}}, {{left}} 후 중단)',
  },
  list: {
    columns: { number: '#', lab: '실습', status: '상태', when: '시각', title: '제목' },
    notStarted: '시작 전',
    noChecks: '검사 없음',
    status: { passed: '통과', partial: '일부 통과', failed: '미통과' },
    next: '`lab open N`으로 실습을 읽고, `lab check N`으로 채점하세요.',
  },
  hint: {
    noCheck: '{{lab}}에 "{{id}}" 검사가 없습니다. 검사 목록: {{ids}}.',
    none: '"{{title}}"({{id}})에는 힌트가 없습니다. `lab open {{lab}}`에서 해당 단계를 다시 읽어 보세요.',
    line: '  힌트 {{n}}/{{total}}: {{hint}}',
    more: '  다음 힌트를 보려면 `lab hint {{lab}} {{id}}`를 다시 실행하세요.',
  },
  target: {
    header: '대상: {{target}} · 계정 {{account}} · 리전 {{region}}',
  },
  labHeading: '실습 {{number}} · {{title}}',
  engine: {
    skipped: '건너뜀: "{{title}}"({{id}})이(가) 필요한데, 그 검사가 {{why}}.',
    wasSkipped: '건너뛰어졌습니다',
    didNotPass: '통과하지 못했습니다',
    interrupted: '기다리는 중에 중단됨',
    stillNotThere: '{{wait}} 동안 기다렸지만 아직 그대로임',
    timedOut: '{{why}}: {{message}}',
    timedOutHint: 'AWS에서 새 데이터(지표, 버퍼링된 전송)가 보이기까지 몇 분이 걸릴 수 있습니다. 나중에 다시 검사하거나, --wait <seconds>로 더 오래 기다리세요.',
  },
  open: {
    noText: '{{lab}}의 본문이 아직 없습니다 ({{file}}).',
    notTranslated: '{{lab}}의 한국어 본문이 아직 없어 영어로 보여 드립니다.',
  },
};
