// Bad messages `lab device --malformed-every N` slips in, to prove the pipeline skips them and keeps
// flowing: one of each kind a real fleet sends, in turn.

import type { Reading } from './reading.js';

const KINDS: ((r: Reading) => string)[] = [
  (r) => `${JSON.stringify(r).slice(0, -1)}`, // truncated JSON
  ({ HUMIDITY: _dropped, ...r }) => JSON.stringify(r), // a field missing
  (r) => JSON.stringify({ ...r, TEMPERATURE: `${r.TEMPERATURE}C` }), // a number as text with a unit
  (r) => JSON.stringify({ ...r, TIMESTAMP: 'yesterday' }), // a timestamp of the wrong form
  () => 'sensor fault', // not JSON at all
];

export function malformedPayload(reading: Reading, index: number): string {
  return KINDS[index % KINDS.length]!(reading);
}
