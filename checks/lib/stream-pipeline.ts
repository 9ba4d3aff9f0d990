// Follows the stream pipeline hop by hop: device topic → IoT rule → Kinesis stream → event source
// mapping → function → table. Each hop is found through the previous hop's reference; when that
// reference is missing (the hop before is broken) the prefix's default name is used, so every hop is
// still judged and a student who named things differently is graded by what they wired.

import type { EventSourceMappingConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { CheckContext } from '../../src/engine/types.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { deviceTopic } from './device.js';
import { findRoutes, type RouteSearch, type RuleRoute } from './iot-rules.js';
import { namedByRule, type Located } from './located.js';
import { memo } from './memo.js';
import { describeStream } from './stream-check.js';
import { eventSourceMappings, functionConfiguration, functionNameFromArn } from './lambda-lookups.js';
import { defineMessages } from '../../src/i18n/index.js';

// How each resource was found, for the builders' messages, in English and Korean.
const t = defineMessages(
  'lib.stream-pipeline',
  {
    streamDefault: 'the lab’s default name, since no rule names a stream',
    functionByTrigger: 'triggered by the stream',
    functionDefault: 'the lab’s default name, since no trigger names a function',
    tableByFunction: 'TABLE_NAME of function {{function}}',
    tableDefault: 'the lab’s default name, since the function names no table',
  },
  {
    streamDefault: '스트림을 지정한 규칙이 없어 실습의 기본 이름을 사용',
    functionByTrigger: '스트림이 트리거하는 함수',
    functionDefault: '함수를 지정한 트리거가 없어 실습의 기본 이름을 사용',
    tableByFunction: '함수 {{function}}의 TABLE_NAME',
    tableDefault: '함수가 테이블을 지정하지 않아 실습의 기본 이름을 사용',
  },
);


export interface StreamRoute {
  search: RouteSearch;
  /** The rule that routes the device topic to a stream, the prefix's own first. */
  route?: RuleRoute;
}

export function streamRoute(ctx: CheckContext): Promise<StreamRoute> {
  return memo(ctx, 'pipeline.route', async () => {
    const search = await findRoutes(ctx, await deviceTopic(ctx), 'kinesis');
    return { search, route: search.routes[0] };
  });
}

export async function locateStream(ctx: CheckContext): Promise<Located> {
  const { route } = await streamRoute(ctx);
  if (route?.destination) return { name: route.destination, via: namedByRule(route.ruleName) };
  return { name: resourceNames(ctx.config.prefix).stream, via: t('streamDefault') };
}

export interface MappingHop {
  streamArn?: string;
  mapping?: EventSourceMappingConfiguration;
  /** Every mapping found, for evidence. */
  mappings: EventSourceMappingConfiguration[];
}

/** The stream's mapping, an Enabled one first; without a stream, the mappings of the default function. */
export function locateMapping(ctx: CheckContext): Promise<MappingHop> {
  return memo(ctx, 'pipeline.mapping', async () => {
    const stream = await describeStream(ctx, (await locateStream(ctx)).name);
    const streamArn = stream?.StreamARN;
    const mappings = streamArn
      ? await eventSourceMappings(ctx, { eventSourceArn: streamArn })
      : await eventSourceMappings(ctx, { functionName: resourceNames(ctx.config.prefix).ingestFunction });
    const rank = (m: EventSourceMappingConfiguration) => (m.State === 'Enabled' ? 0 : 1);
    const mapping = [...mappings].sort((a, b) => rank(a) - rank(b))[0];
    return { streamArn, mapping, mappings };
  });
}

export async function locateFunction(ctx: CheckContext): Promise<Located> {
  const { mapping } = await locateMapping(ctx);
  if (mapping?.FunctionArn) return { name: functionNameFromArn(mapping.FunctionArn), via: t('functionByTrigger') };
  return { name: resourceNames(ctx.config.prefix).ingestFunction, via: t('functionDefault') };
}

export async function ingestFunction(ctx: CheckContext): Promise<FunctionConfiguration | undefined> {
  return functionConfiguration(ctx, (await locateFunction(ctx)).name);
}

export async function locateTable(ctx: CheckContext): Promise<Located> {
  const fn = await ingestFunction(ctx);
  const fromEnv = fn?.Environment?.Variables?.TABLE_NAME;
  if (fromEnv) return { name: fromEnv, via: t('tableByFunction', { function: String(fn?.FunctionName) }) };
  return { name: resourceNames(ctx.config.prefix).table, via: t('tableDefault') };
}
