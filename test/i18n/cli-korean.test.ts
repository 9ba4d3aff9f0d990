// The command line in Korean: `lab hint` shows a check's title and hints in Korean, a usage error says
// what is wrong in Korean with the same exit code, and the check ids stay as they are; `lab --help`, the
// refusals of the argument parser and the advice for a sandbox that is not running speak Korean too.

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

describe('the command line itself in Korean', () => {
  it('shows --help in Korean, the flags and command words as they are, and English unchanged without --lang', async () => {
    const home = await newHome();
    const korean = await lab(['--help', '--lang', 'ko'], home, NO_SANDBOX);
    expect(korean.code).toBe(0);
    expect(korean.stdout).toContain('사용법: lab [options] [command]');
    expect(korean.stdout).toContain('옵션:');
    expect(korean.stdout).toMatch(/\n {2}check \[options\] <lab> +대상에서 실습 하나\(또는 전체\)를 채점\n/);
    const checkHelp = await lab(['check', '--help', '--lang=ko'], home, NO_SANDBOX);
    expect(checkHelp.stdout).toContain('인수:');
    expect(checkHelp.stdout).toMatch(/--wait <seconds> +데이터가 아직 도착하지 않은 검사/);
    const english = await lab(['--help'], home, NO_SANDBOX);
    expect(english.stdout).toContain('Usage: lab [options] [command]');
    expect(english.stdout).toMatch(/\n {2}check \[options\] <lab> +grade a lab \(or all labs\) against the target\n/);
  });

  it('refuses an unknown command, a missing argument and a bad value in Korean with the English exit codes', async () => {
    const home = await newHome();
    const typo = await lab(['chek', '1', '--lang', 'ko'], home, NO_SANDBOX);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("오류: 알 수 없는 명령 'chek'\n(혹시 check을(를) 찾으셨나요?)\n");
    const missing = await lab(['check', '--lang', 'ko'], home, NO_SANDBOX);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("오류: 필수 인수 'lab'이(가) 없습니다\n");
    const badLab = await lab(['check', '9', '--lang', 'ko'], home, NO_SANDBOX);
    expect(badLab.code).toBe(2);
    expect(badLab.stderr).toBe('알 수 없는 실습 "9": 실습 번호는 0부터 4까지입니다 (`lab list` 참고).\n');
    const englishTypo = await lab(['chek', '1'], home, NO_SANDBOX);
    expect(englishTypo.code).toBe(2);
    expect(englishTypo.stderr).toBe("error: unknown command 'chek'\n(Did you mean check?)\n");
  });

  it('says in Korean that the sandbox is not running, and how to start it', async () => {
    const home = await newHome();
    const run = await lab(['check', '1', '--lang', 'ko'], home, NO_SANDBOX);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`샌드박스가 ${NO_SANDBOX}에서 실행 중이 아닙니다.`);
    expect(run.stderr).toContain('다른 터미널에서 `lab sandbox start`로 샌드박스를 시작한 뒤 다시 실행하세요.');
  });
});
