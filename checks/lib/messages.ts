// What the shared check builders say, in English and Korean side by side: keep the two in step, with the
// same {{placeholders}}. Resource names, commands and AWS's own words stay as they are in both.

import { defineMessages } from '../../src/i18n/index.js';

const en = {
  stream: {
    missing: 'There is no Kinesis stream {{name}} ({{via}}).',
    missingHint: 'Create it: {{command}}',
    changing: 'Stream {{name}} is {{status}}.',
    broken: 'Stream {{name}} is {{status}}.',
    brokenHint: 'Recreate the stream.',
    active: 'Stream {{name}} is ACTIVE with {{shards}} shard(s) ({{via}}).',
  },
} as const;

export const tc = defineMessages('checks', en, {
  stream: {
    missing: 'Kinesis 스트림 {{name}}이(가) 없습니다 ({{via}}).',
    missingHint: '스트림을 만드세요: {{command}}',
    changing: '스트림 {{name}}의 상태가 {{status}}입니다.',
    broken: '스트림 {{name}}의 상태가 {{status}}입니다.',
    brokenHint: '스트림을 다시 만드세요.',
    active: '스트림 {{name}}이(가) 샤드 {{shards}}개로 ACTIVE 상태입니다 ({{via}}).',
  },
});
