// The command line in Korean: `lab hint` shows a check's title and hints in Korean, a usage error says
// what is wrong in Korean with the same exit code, and the check ids stay as they are.

import { describe, expect, it } from 'vitest';
import { assertBuilt, lab, newHome } from '../labs/support.js';

const NO_SANDBOX = 'http://127.0.0.1:9';

describe('lab hint --lang ko', () => {
  it('reveals the hints of a check in Korean, one tier at a time', async () => {
    assertBuilt();
    const home = await newHome();
    const first = await lab(['hint', '1', 'table.fresh-items', '--lang', 'ko'], home, NO_SANDBOX);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('기기의 최신 측정값이 테이블에 들어옵니다 (table.fresh-items)\n  힌트 1/2: `lab device`가 실행되는 동안 DynamoDB 콘솔에서 테이블 항목을 살펴보세요.\n  다음 힌트를 보려면 `lab hint 1 table.fresh-items`를 다시 실행하세요.\n');
    const english = await lab(['hint', '1', 'table.fresh-items', '--lang', 'en'], home, NO_SANDBOX);
    expect(english.stdout).toContain('Fresh readings of the device land in the table (table.fresh-items)\n  Hint 1/2: Explore');
    expect(english.stdout).toContain('  Hint 2/2: If nothing lands');
  });

  it('names an unknown check in Korean, with the same exit code as in English', async () => {
    const home = await newHome();
    const [korean, english] = [await lab(['hint', '1', 'nope', '--lang', 'ko'], home, NO_SANDBOX), await lab(['hint', '1', 'nope', '--lang', 'en'], home, NO_SANDBOX)];
    expect(korean.code).toBe(english.code);
    expect(korean.code).toBe(2);
    expect(korean.stderr).toContain('에 "nope" 검사가 없습니다. 검사 목록: rule.routes-to-stream, rule.role-can-put');
    expect(english.stderr).toContain('has no check "nope": its checks are rule.routes-to-stream, rule.role-can-put');
  });
});
