// Check builder: "a lab's function exists, is Active, runs Python or Node.js, and its TABLE_NAME names a
// table that exists": lab 1's ingest function writes that table, lab 3's API function reads it.

import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import type { Located } from './located.js';
import { describeTable } from './table-check.js';
import { deprecation, isBlocked, recommendedRuntime } from '../../aws-facts/lambda-runtimes.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.function-check',
  {
    updatesBlocked: 'AWS no longer accepts changes to it',
    updatesUntil: 'AWS refuses changes to it from {{date}}',
    deprecated: ' Warning: {{runtime}} is deprecated (since {{since}}) and {{updates}}; move it to {{newest}}: {{command}}',
    missing: 'There is no Lambda function {{name}} ({{via}}).',
    pending: 'Function {{name}} is still being created (Pending).',
    failed: 'Function {{name}} failed to create: {{reason}}.',
    runtime: "Function {{name}} uses runtime {{runtime}}; the lab's code needs Python 3 or Node.js.",
    noTableWrite: 'Function {{name}} has no TABLE_NAME environment variable, so it cannot know where to write.',
    noTableRead: 'Function {{name}} has no TABLE_NAME environment variable, so it cannot know which table to read.',
    tableMissing: 'TABLE_NAME of function {{name}} is {{table}}, but there is no such table.',
    tableMissingWrite: 'Create the table, or correct TABLE_NAME to the table you created.',
    tableMissingRead: "Set it to lab 1's table ({{table}}).",
    writes: 'Function {{name}} ({{runtime}}, handler {{handler}}) writes to {{table}}.',
    reads: 'Function {{name}} ({{runtime}}) reads table {{table}}.',
  },
  {
    updatesBlocked: 'AWS는 더 이상 변경을 받지 않습니다',
    updatesUntil: 'AWS는 {{date}}부터 변경을 거부합니다',
    deprecated: ' 경고: {{runtime}}은(는) 사용 중단되었고({{since}}부터) {{updates}}. {{newest}}(으)로 옮기세요: {{command}}',
    missing: 'Lambda 함수 {{name}}이(가) 없습니다 ({{via}}).',
    pending: '함수 {{name}}을(를) 아직 만드는 중입니다 (Pending).',
    failed: '함수 {{name}}을(를) 만들지 못했습니다: {{reason}}.',
    runtime: '함수 {{name}}의 런타임은 {{runtime}}입니다. 실습 코드에는 Python 3 또는 Node.js가 필요합니다.',
    noTableWrite: '함수 {{name}}에 TABLE_NAME 환경 변수가 없어 어디에 써야 할지 알 수 없습니다.',
    noTableRead: '함수 {{name}}에 TABLE_NAME 환경 변수가 없어 어느 테이블을 읽어야 할지 알 수 없습니다.',
    tableMissing: '함수 {{name}}의 TABLE_NAME은 {{table}}이지만 그런 테이블이 없습니다.',
    tableMissingWrite: '테이블을 만들거나, TABLE_NAME을 만든 테이블 이름으로 고치세요.',
    tableMissingRead: '실습 1의 테이블({{table}})로 설정하세요.',
    writes: '함수 {{name}}({{runtime}}, 핸들러 {{handler}})이(가) {{table}}에 씁니다.',
    reads: '함수 {{name}}({{runtime}})이(가) 테이블 {{table}}을(를) 읽습니다.',
  },
);


export interface TableFunctionSpec extends Omit<Check, 'run'> {
  locate(ctx: CheckContext): Promise<Located>;
  read(ctx: CheckContext): Promise<FunctionConfiguration | undefined>;
  /** `Create the ingest function (lab 1, step 4), or ...` */
  missingHint: string;
  /** What the function does with the table: `write to`, `read`. */
  use: 'write' | 'read';
}

/** A warning to append when the function's runtime is deprecated: it runs, but AWS will stop taking changes to it. */
function runtimeWarning(name: string, runtime: string | undefined, now: number): string {
  const lifecycle = runtime ? deprecation(runtime, now) : undefined;
  if (!runtime || !lifecycle) return '';
  const newest = recommendedRuntime(runtime);
  const updates = isBlocked(runtime, 'update', now) ? t('updatesBlocked') : t('updatesUntil', { date: lifecycle.blockUpdate });
  return t('deprecated', { runtime, since: lifecycle.deprecated, updates, newest, command: `aws lambda update-function-configuration --function-name ${name} --runtime ${newest}` });
}

export function tableFunctionCheck(spec: TableFunctionSpec): Check {
  const { locate, read, missingHint, use, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const { name, via } = await locate(ctx);
      const fn = await read(ctx);
      const labTable = resourceNames(ctx.config.prefix).table;
      if (!fn) return fail(t('missing', { name, via }), { hint: missingHint, evidence: { functionName: name } });
      const tableName = fn.Environment?.Variables?.TABLE_NAME;
      const evidence = { functionName: name, runtime: fn.Runtime, handler: fn.Handler, state: fn.State, tableName };
      if (fn.State === 'Pending') return pending(t('pending', { name }), { evidence });
      if (fn.State === 'Failed') return fail(t('failed', { name, reason: String(fn.StateReason) }), { evidence });
      if (!/^(python3|nodejs)/.test(fn.Runtime ?? '')) return fail(t('runtime', { name, runtime: String(fn.Runtime) }), { evidence });
      if (!tableName) {
        return fail(t(use === 'write' ? 'noTableWrite' : 'noTableRead', { name }), {
          hint: `aws lambda update-function-configuration --function-name ${name} --environment 'Variables={TABLE_NAME=${labTable}}'`,
          evidence,
        });
      }
      if (!(await describeTable(ctx, tableName))) {
        return fail(t('tableMissing', { name, table: tableName }), { hint: use === 'write' ? t('tableMissingWrite') : t('tableMissingRead', { table: labTable }), evidence });
      }
      const works = use === 'write' ? t('writes', { name, runtime: String(fn.Runtime), handler: String(fn.Handler), table: tableName }) : t('reads', { name, runtime: String(fn.Runtime), table: tableName });
      return pass(`${works}${runtimeWarning(name, fn.Runtime, ctx.clock.now())}`, { evidence });
    },
  };
}
