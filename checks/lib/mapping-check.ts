// Check builder: an event source mapping (a Lambda trigger) reads a source, is Enabled, and its last
// processing result reports no problem.

import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { functionNameFromArn } from './lambda-lookups.js';

export interface MappingSubject {
  /** For messages: `stream iotlab-stream`. */
  source: string;
  sourceArn?: string;
  /** The mapping to judge (an Enabled one first), if any. */
  mapping?: EventSourceMappingConfiguration;
  /** How many mappings the source has, for evidence. */
  count: number;
  /** The function the fix should name when there is no mapping. */
  suggestedFunction: string;
}

export function mappingEnabledCheck(spec: Omit<Check, 'run'> & { locate(ctx: CheckContext): Promise<MappingSubject | CheckResult> }): Check {
  const { locate, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const located = await locate(ctx);
      if ('status' in located) return located;
      const { source, sourceArn, mapping } = located;
      if (!mapping) {
        return fail(`Nothing reads ${source}: no Lambda trigger (event source mapping) uses it.`, {
          hint: `aws lambda create-event-source-mapping --function-name ${located.suggestedFunction} --event-source-arn ${sourceArn} --starting-position TRIM_HORIZON --batch-size 100`,
          evidence: { sourceArn },
        });
      }
      const target = mapping.FunctionArn ? functionNameFromArn(mapping.FunctionArn) : '(no function)';
      const evidence = { uuid: mapping.UUID, state: mapping.State, function: target, lastProcessingResult: mapping.LastProcessingResult, mappings: located.count };
      if (['Creating', 'Enabling', 'Updating'].includes(mapping.State ?? '')) return pending(`The trigger from ${source} to ${target} is ${mapping.State}.`, { evidence });
      if (mapping.State !== 'Enabled') {
        return fail(`The trigger from ${source} to ${target} is ${mapping.State}, so no record reaches the function.`, {
          hint: `aws lambda update-event-source-mapping --uuid ${mapping.UUID} --enabled`,
          evidence,
        });
      }
      if (mapping.LastProcessingResult?.startsWith('PROBLEM')) {
        return fail(`The trigger from ${source} to ${target} reports "${mapping.LastProcessingResult}".`, {
          hint: `Read the function's log group /aws/lambda/${target} in CloudWatch Logs: the function fails or may not be invoked.`,
          evidence,
        });
      }
      return pass(`${source[0]!.toUpperCase()}${source.slice(1)} triggers ${target} (Enabled, last result: ${mapping.LastProcessingResult ?? 'none yet'}).`, { evidence });
    },
  };
}
