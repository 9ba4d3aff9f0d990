// The workbook's words in English: the source catalogue. Every key here must exist in ko.ts with the
// same placeholders ({{name}}); check ids, JSON fields and AWS's own error texts are never translated.

export const en = {
  report: {
    score: 'Score {{score}}/{{max}} ({{percent}}%, pass mark {{passMark}}%): {{verdict}}',
    passed: 'PASSED',
    notPassed: 'NOT PASSED',
    hint: 'hint',
    error: 'error',
    waiting: 'waiting: {{reason}} (next look in {{next}}, giving up in {{left}})',
  },
  list: {
    columns: { number: '#', lab: 'lab', status: 'status', when: 'when', title: 'title' },
    notStarted: 'not started',
    noChecks: 'no checks yet',
    status: { passed: 'passed', partial: 'partial', failed: 'failed' },
    next: 'Read a lab with `lab open N`, grade it with `lab check N`.',
  },
  hint: {
    noCheck: '{{lab}} has no check "{{id}}": its checks are {{ids}}.',
    none: 'No hints for "{{title}}" ({{id}}). Re-read the step in `lab open {{lab}}`.',
    line: '  Hint {{n}}/{{total}}: {{hint}}',
    more: '  Run `lab hint {{lab}} {{id}}` again for the next one.',
  },
  target: {
    header: 'Target: {{target}} · account {{account}} · region {{region}}',
  },
  labHeading: 'Lab {{number}} · {{title}}',
  engine: {
    skipped: 'Skipped: needs "{{title}}" ({{id}}), which {{why}}.',
    wasSkipped: 'was skipped',
    didNotPass: 'did not pass',
    interrupted: 'Interrupted while waiting',
    stillNotThere: 'Still not there after waiting {{wait}}',
    timedOut: '{{why}}: {{message}}',
    timedOutHint: 'AWS can take minutes to show new data (metrics, buffered deliveries). Run the check again later, or wait longer with --wait <seconds>.',
  },
  open: {
    noText: '{{lab}} has no text yet ({{file}}).',
    notTranslated: '{{lab}} has no Korean text yet; here it is in English.',
  },
} as const;

/** The catalogue's shape with any text: what a translation must fill in. */
export type Catalogue<T = typeof en> = { readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
