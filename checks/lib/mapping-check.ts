// Check builder: an event source mapping (a Lambda trigger) reads a source, is Enabled, and its last
// processing result reports no problem.

import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { functionNameFromArn } from './lambda-lookups.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.mapping-check',
  {
    nothingReads: 'Nothing reads {{source}}: no Lambda trigger (event source mapping) uses it.',
    noFunction: '(no function)',
    changing: 'The trigger from {{source}} to {{target}} is {{state}}.',
    off: 'The trigger from {{source}} to {{target}} is {{state}}, so no record reaches the function.',
    problem: 'The trigger from {{source}} to {{target}} reports "{{result}}".',
    problemHint: "Read the function's log group /aws/lambda/{{target}} in CloudWatch Logs: the function fails or may not be invoked.",
    noneYet: 'none yet',
    triggers: '{{source}} triggers {{target}} (Enabled, last result: {{result}}).',
  },
  {
    nothingReads: '{{source}}을(를) 읽는 것이 없습니다: 이를 사용하는 Lambda 트리거(이벤트 소스 매핑)가 없습니다.',
    noFunction: '(함수 없음)',
    changing: '{{source}}에서 {{target}}(으)로 가는 트리거가 {{state}} 상태입니다.',
    off: '{{source}}에서 {{target}}(으)로 가는 트리거가 {{state}} 상태여서 함수에 레코드가 전달되지 않습니다.',
    problem: '{{source}}에서 {{target}}(으)로 가는 트리거가 "{{result}}"을(를) 보고합니다.',
    problemHint: 'CloudWatch Logs에서 함수의 로그 그룹 /aws/lambda/{{target}}을(를) 읽어 보세요: 함수가 실패하거나 호출될 수 없습니다.',
    noneYet: '아직 없음',
    triggers: '{{source}}이(가) {{target}}을(를) 트리거합니다 (Enabled, 마지막 결과: {{result}}).',
  },
);


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
        return fail(t('nothingReads', { source }), {
          hint: `aws lambda create-event-source-mapping --function-name ${located.suggestedFunction} --event-source-arn ${sourceArn} --starting-position TRIM_HORIZON --batch-size 100`,
          evidence: { sourceArn },
        });
      }
      const target = mapping.FunctionArn ? functionNameFromArn(mapping.FunctionArn) : t('noFunction');
      const evidence = { uuid: mapping.UUID, state: mapping.State, function: target, lastProcessingResult: mapping.LastProcessingResult, mappings: located.count };
      if (['Creating', 'Enabling', 'Updating'].includes(mapping.State ?? '')) return pending(t('changing', { source, target, state: String(mapping.State) }), { evidence });
      if (mapping.State !== 'Enabled') {
        return fail(t('off', { source, target, state: String(mapping.State) }), {
          hint: `aws lambda update-event-source-mapping --uuid ${mapping.UUID} --enabled`,
          evidence,
        });
      }
      if (mapping.LastProcessingResult?.startsWith('PROBLEM')) {
        return fail(t('problem', { source, target, result: mapping.LastProcessingResult }), {
          hint: t('problemHint', { target }),
          evidence,
        });
      }
      const said = t('triggers', { source, target, result: mapping.LastProcessingResult ?? t('noneYet') });
      return pass(`${said[0]!.toUpperCase()}${said.slice(1)}`, { evidence });
    },
  };
}
