// Check builder: "a lab's function exists, is Active, runs Python or Node.js, and its TABLE_NAME names a
// table that exists": lab 1's ingest function writes that table, lab 3's API function reads it.

import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import type { Located } from './located.js';
import { describeTable } from './table-check.js';
import { deprecation, isBlocked, recommendedRuntime } from '../../aws-facts/lambda-runtimes.js';

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
  const updates = isBlocked(runtime, 'update', now) ? 'AWS no longer accepts changes to it' : `AWS refuses changes to it from ${lifecycle.blockUpdate}`;
  return ` Warning: ${runtime} is deprecated (since ${lifecycle.deprecated}) and ${updates}; move it to ${newest}: aws lambda update-function-configuration --function-name ${name} --runtime ${newest}`;
}

export function tableFunctionCheck(spec: TableFunctionSpec): Check {
  const { locate, read, missingHint, use, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const { name, via } = await locate(ctx);
      const fn = await read(ctx);
      const labTable = resourceNames(ctx.config.prefix).table;
      if (!fn) return fail(`There is no Lambda function ${name} (${via}).`, { hint: missingHint, evidence: { functionName: name } });
      const tableName = fn.Environment?.Variables?.TABLE_NAME;
      const evidence = { functionName: name, runtime: fn.Runtime, handler: fn.Handler, state: fn.State, tableName };
      if (fn.State === 'Pending') return pending(`Function ${name} is still being created (Pending).`, { evidence });
      if (fn.State === 'Failed') return fail(`Function ${name} failed to create: ${fn.StateReason}.`, { evidence });
      if (!/^(python3|nodejs)/.test(fn.Runtime ?? '')) return fail(`Function ${name} uses runtime ${fn.Runtime}; the lab's code needs Python 3 or Node.js.`, { evidence });
      if (!tableName) {
        return fail(`Function ${name} has no TABLE_NAME environment variable, so it cannot know ${use === 'write' ? 'where to write' : 'which table to read'}.`, {
          hint: `aws lambda update-function-configuration --function-name ${name} --environment 'Variables={TABLE_NAME=${labTable}}'`,
          evidence,
        });
      }
      if (!(await describeTable(ctx, tableName))) {
        return fail(`TABLE_NAME of function ${name} is ${tableName}, but there is no such table.`, { hint: use === 'write' ? 'Create the table, or correct TABLE_NAME to the table you created.' : `Set it to lab 1's table (${labTable}).`, evidence });
      }
      const works = use === 'write' ? `Function ${name} (${fn.Runtime}, handler ${fn.Handler}) writes to ${tableName}.` : `Function ${name} (${fn.Runtime}) reads table ${tableName}.`;
      return pass(`${works}${runtimeWarning(name, fn.Runtime, ctx.clock.now())}`, { evidence });
    },
  };
}
