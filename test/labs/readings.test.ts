// The device's readings and malformed messages, and the two ingest functions' validation: both
// languages must accept every reading the device sends and refuse every malformed kind.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { malformedPayload } from '../../src/device/malformed.js';
import { ReadingSource, formatTimestamp, readingProblem } from '../../src/device/reading.js';
import { checkReading } from '../../solutions/01-stream-to-dynamo/function/node/index.js';
import { ROOT } from '../cli/support.js';

const source = new ReadingSource('dev1');
const readings = Array.from({ length: 200 }, (_, i) => source.next(Date.parse('2026-11-28T10:00:00Z') + i * 1000));
const malformed = Array.from({ length: 5 }, (_, i) => malformedPayload(readings[i]!, i));
const parse = (payload: string): unknown => {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
};

describe('device readings', () => {
  it('are of the schema, with integer values that move in small steps within sensor ranges', () => {
    expect(readings[0]).toMatchObject({ DEVICE_NAME: 'dev1', TIMESTAMP: '2026-11-28T10:00:00' });
    for (const r of readings) expect(readingProblem(r)).toBeUndefined();
    for (let i = 1; i < readings.length; i++) expect(Math.abs(readings[i]!.TEMPERATURE - readings[i - 1]!.TEMPERATURE)).toBeLessThanOrEqual(2);
    expect(Math.min(...readings.map((r) => r.HUMIDITY))).toBeGreaterThanOrEqual(20);
    expect(Math.max(...readings.map((r) => r.HUMIDITY))).toBeLessThanOrEqual(90);
    expect(formatTimestamp(Date.parse('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05');
  });

  it('malformed messages are all different and none passes the schema', () => {
    expect(new Set(malformed).size).toBe(5);
    for (const payload of malformed) {
      const parsed = parse(payload);
      expect(parsed === undefined || readingProblem(parsed) !== undefined, payload).toBe(true);
    }
  });
});

describe('ingest function validation', () => {
  it('the TypeScript function accepts the readings and refuses the malformed messages', () => {
    expect(checkReading(readings[3]).item).toEqual({ deviceid: 'dev1', timestamp: readings[3]!.TIMESTAMP, humidity: readings[3]!.HUMIDITY, temperature: readings[3]!.TEMPERATURE });
    for (const payload of malformed) expect(checkReading(parse(payload)).item, payload).toBeUndefined();
    expect(checkReading({ ...readings[0], HUMIDITY: true }).item).toBeUndefined();
  });

  it('the Python function agrees, item for item', () => {
    const script = [
      'import json, sys',
      'from lambda_function import check_reading',
      'cases = json.load(sys.stdin)',
      'out = []',
      'for text in cases:',
      '    try: message = json.loads(text)',
      '    except ValueError: message = None',
      '    out.append(check_reading(message)[0])',
      'print(json.dumps(out))',
    ].join('\n');
    const cases = [JSON.stringify(readings[3]), ...malformed, JSON.stringify({ ...readings[0], HUMIDITY: true }), JSON.stringify({ ...readings[0], HUMIDITY: 41.0 })];
    const out = execFileSync('python3', ['-c', script], {
      cwd: join(ROOT, 'solutions', '01-stream-to-dynamo', 'function', 'python'),
      input: JSON.stringify(cases),
      env: { ...process.env, TABLE_NAME: 't', AWS_DEFAULT_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      encoding: 'utf8',
    });
    const items = JSON.parse(out) as unknown[];
    expect(items[0]).toEqual({ deviceid: 'dev1', timestamp: readings[3]!.TIMESTAMP, humidity: readings[3]!.HUMIDITY, temperature: readings[3]!.TEMPERATURE });
    expect(items.slice(1, 7)).toEqual([null, null, null, null, null, null]);
    // A whole number sent as 41.0 is still a whole number; it is stored as the integer 41.
    expect(items[7]).toMatchObject({ humidity: 41 });
  });
});
