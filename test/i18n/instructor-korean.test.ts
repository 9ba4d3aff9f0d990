// The instructor's tools in Korean: `lab reset` and `lab grade` with --lang ko print their headings,
// summaries and refusals in Korean and with --lang en exactly as before, while exit codes, the reset's
// JSON report, grades.csv and each student's JSON keep the same content in both languages.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachThingPrincipalCommand, CreateKeysAndCertificateCommand, CreateThingCommand, IoTClient } from '@aws-sdk/client-iot';
import type { RunningSandbox } from '../../sandbox/index.js';
import type { LabRun } from '../cli/support.js';
import { assertBuilt, clientConfig, lab, newHome, startLabSandbox } from '../labs/support.js';

let sandbox: RunningSandbox;
let home: string;
const run = (args: string[], language: 'en' | 'ko') => lab([...args, '--lang', language], home, sandbox.endpoint, 30_000);
const both = (args: (language: 'en' | 'ko') => string[]) => Promise.all([run(args('en'), 'en'), run(args('ko'), 'ko')]);
const json = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

/** Lab 0's thing under the default prefix: one resource for the reset to plan and delete (two with its certificate). */
async function createThing(withCertificate = false): Promise<void> {
  const iot = new IoTClient(clientConfig(sandbox));
  try {
    await iot.send(new CreateThingCommand({ thingName: 'iotlab-dev1' }));
    if (withCertificate) {
      const { certificateArn } = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
      await iot.send(new AttachThingPrincipalCommand({ thingName: 'iotlab-dev1', principal: certificateArn }));
    }
  } finally {
    iot.destroy();
  }
}

/** A document without what differs from one run to the next (times) or is the language's words (check texts). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object') return value;
  const volatile = ['generatedAt', 'startedAt', 'finishedAt', 'durationMs', 'message', 'hint', 'title'];
  return Object.fromEntries(Object.entries(value).filter(([k]) => !volatile.includes(k)).map(([k, v]) => [k, stable(v)]));
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  home = await newHome();
  await createThing();
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('lab reset --lang ko', () => {
  it('plans in Korean, with the same JSON report and exit code as in English', async () => {
    const [en, ko] = await both((l) => ['reset', '0', '--report', join(home, `plan-${l}.json`)]);
    expect(ko.code, ko.stderr).toBe(0);
    expect(en.code).toBe(ko.code);
    expect(en.stdout).toContain('Looking for the workshop\'s resources: tag workshop=iot-pipeline-labs or the names of prefix "iotlab", Lab 0 (device).');
    expect(en.stdout).toMatch(/^service +type +name +why selected +lab$/m);
    expect(en.stdout).toMatch(/^iot +thing +iotlab-dev1 +name +0$/m);
    expect(en.stdout).toContain('Dry run: nothing was deleted. Run again with --apply to delete these 1 resource(s).');
    expect(en.stdout).toContain(`Report: ${join(home, 'plan-en.json')}`);

    expect(ko.stdout).toContain('워크숍의 리소스를 찾습니다: workshop=iot-pipeline-labs 태그가 있거나 접두사 "iotlab"의 이름을 쓰는 리소스, 대상: 실습 0 (device).');
    // Hangul takes two columns: the headings line up with the rows on a terminal.
    expect(ko.stdout).toContain('서비스  유형  이름         선택된 이유  실습\n------  ----  -----------  -----------  ----\niot     사물  iotlab-dev1  이름         0\n');
    expect(ko.stdout).toContain('시험 실행이라 아무것도 삭제하지 않았습니다. 이 리소스 1개를 삭제하려면 --apply를 붙여 다시 실행하세요.');
    expect(ko.stdout).toContain(`보고서: ${join(home, 'plan-ko.json')}`);

    // The report is a machine format: the same words in both languages.
    expect(stable(await json(join(home, 'plan-ko.json')))).toEqual(stable(await json(join(home, 'plan-en.json'))));
    expect((await json(join(home, 'plan-ko.json'))).planned).toEqual([{ service: 'iot', type: 'thing', kind: 'iot-thing', name: 'iotlab-dev1', arn: expect.any(String), lab: 0, why: 'name' }]);
  });

  it('refuses an unconfirmed deletion in Korean with the same exit code', async () => {
    const [[en, ko], [enWrong, koWrong]] = await Promise.all([both(() => ['reset', '0', '--apply']), both(() => ['reset', '0', '--apply', '--confirm-account', '111111111111'])]);
    expect(ko.code).toBe(2);
    expect(en.code).toBe(ko.code);
    expect(en.stderr).toContain('--apply needs the account id confirmed: pass --confirm-account 000000000000 (or run it in a terminal).');
    expect(ko.stderr).toContain('--apply로 삭제하려면 계정 ID를 확인해야 합니다: --confirm-account 000000000000 옵션을 붙이거나 터미널에서 실행하세요.');
    expect([enWrong.code, koWrong.code]).toEqual([2, 2]);
    expect(enWrong.stderr).toContain('"111111111111" is not the account graded here (000000000000): nothing was deleted.');
    expect(koWrong.stderr).toContain('"111111111111"은(는) 여기서 다루는 계정(000000000000)이 아닙니다: 아무것도 삭제하지 않았습니다.');
  });

  it('deletes and sums up in Korean, with the same JSON report as in English', async () => {
    const apply = (language: 'en' | 'ko') => run(['reset', '0', '--apply', '--confirm-account', '000000000000', '--report', join(home, `applied-${language}.json`)], language);
    const en = await apply('en');
    await createThing();
    const ko = await apply('ko');
    expect(en.code, en.stdout + en.stderr).toBe(0);
    expect(ko.code, ko.stdout + ko.stderr).toBe(0);
    expect(en.stdout).toContain('iotlab-dev1: deleted');
    expect(en.stdout).toContain('Deleted 1, skipped 0, failed 0.');
    expect(en.stdout).toContain('Progress of Lab 0 (device) forgotten for account 000000000000.');
    expect(ko.stdout).toContain('iot 사물 (1)');
    expect(ko.stdout).toContain('iotlab-dev1: 삭제됨');
    expect(ko.stdout).toContain('삭제 1개, 건너뜀 0개, 실패 0개.');
    expect(ko.stdout).toContain(`계정 000000000000에서 실습 0 (device)의 진행 기록을 지웠습니다. 보고서: ${join(home, 'applied-ko.json')}`);
    const [enReport, koReport] = [await json(join(home, 'applied-en.json')), await json(join(home, 'applied-ko.json'))];
    expect(stable(koReport)).toEqual(stable(enReport));
    expect(koReport).toMatchObject({ applied: true, deleted: [{ kind: 'iot-thing', name: 'iotlab-dev1', type: 'thing', why: 'name' }], skipped: [], failed: [] });

    const [enAgain, koAgain] = await both(() => ['reset', '0']);
    expect(enAgain.stdout).toContain('Nothing to delete: no resource has the workshop tag or one of the prefix’s names.\n\nDry run: nothing to delete.');
    expect(koAgain.stdout).toContain('삭제할 것이 없습니다: 워크숍 태그가 있거나 접두사의 이름을 쓰는 리소스가 없습니다.\n\n시험 실행: 삭제할 것이 없습니다.');
  });

  it('says in Korean why a resource found through another was selected, and keeps the English in the JSON report', async () => {
    await createThing(true);
    const [en, ko] = await both((l) => ['reset', '0', '--report', join(home, `why-${l}.json`)]);
    expect(en.stdout).toMatch(/^iot +certificate +[0-9a-f]{12}… +attached to thing iotlab-dev1 +0$/m);
    expect(ko.stdout).toMatch(/^iot +인증서 +[0-9a-f]{12}… +사물 iotlab-dev1에 연결됨 +0$/m);
    const planned = (await json(join(home, 'why-ko.json'))).planned as { kind: string; why: string }[];
    expect(planned.find((p) => p.kind === 'iot-certificate')?.why).toBe('attached to thing iotlab-dev1');
  });
});

describe('lab grade --lang ko', () => {
  it('grades a class in Korean, with the same exit code, CSV and student JSON as in English', async () => {
    // One student in an empty account of their own, and one row that cannot work as written.
    const roster = join(home, 'roster.csv');
    await writeFile(roster, 'id,name,access_key_id,secret_access_key,prefix\nkim,Kim Minji,200000000001,secret,\nbad,Bad Row,200000000002,secret,Bad_Prefix\n');
    const [en, ko] = await both((l) => ['grade', '--roster', roster, '--labs', '1', '--out', join(home, `grades-${l}`)]);
    expect(en.code, en.stdout + en.stderr).toBe(0);
    expect(ko.code, ko.stdout + ko.stderr).toBe(0);

    expect(en.stdout).toMatch(/^Grading 2 student\(s\) on lab 1, 8 at a time, read-only \(rows without their own target: local \(.+\), region us-east-1\)\.$/m);
    expect(en.stdout).toMatch(/^student +lab 1  total$/m);
    expect(en.stdout).toContain('bad      error: Roster line 3: prefix "Bad_Prefix" must be lower-case letters, digits and dashes, starting with a letter.\n');
    expect(en.stdout).toContain('\n1 graded, 1 could not be reached.\n');
    expect(en.stdout).toContain('Where the class is stuck:\n  lab 1 ');
    expect(en.stderr).toMatch(/^\[2\/2\] \w+: .+ \(\d+\.\d s\)$/m);

    expect(ko.stdout).toMatch(/^학생 2명을 실습 1에 대해 채점합니다\. 한 번에 8명씩, 읽기 전용으로 진행합니다 \(대상을 따로 지정하지 않은 행: local \(.+\), 리전 us-east-1\)\.$/m);
    expect(ko.stdout).toMatch(/^학생 +실습 1  합계$/m);
    expect(ko.stdout).toContain('bad   오류: 명단 3행: 접두사 "Bad_Prefix"은(는) 영문 소문자, 숫자, 대시로만 이루어지고 영문 소문자로 시작해야 합니다.\n');
    expect(ko.stdout).toContain('\n1명을 채점했고, 1명은 계정에 연결하지 못했습니다.\n');
    expect(ko.stdout).toContain('수강생들이 막힌 곳:\n  실습 1 ');
    expect(ko.stdout).toContain('저장한 파일: ');
    expect(ko.stderr).toMatch(/^\[2\/2\] \w+: .+ \(\d+\.\d초\)$/m);

    // The machine formats: grades.csv byte for byte, each student's JSON but for times and the checks' words.
    const file = (l: string, name: string) => join(home, `grades-${l}`, name);
    expect(await readFile(file('ko', 'grades.csv'), 'utf8')).toBe(await readFile(file('en', 'grades.csv'), 'utf8'));
    for (const id of ['kim', 'bad']) expect(stable(await json(file('ko', `students/${id}.json`))), id).toEqual(stable(await json(file('en', `students/${id}.json`))));
    expect((await json(file('ko', 'students/bad.json'))).error).toEqual({ message: 'Roster line 3: prefix "Bad_Prefix" must be lower-case letters, digits and dashes, starting with a letter.' });

    // The HTML report speaks the language it was graded in.
    const [enHtml, koHtml] = [await readFile(file('en', 'report.html'), 'utf8'), await readFile(file('ko', 'report.html'), 'utf8')];
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('<title>IoT pipeline labs · class report</title>');
    expect(enHtml).toContain('<h2>Students × checks</h2>');
    expect(enHtml).toContain('<h2>Where the class is stuck</h2>');
    expect(koHtml).toContain('<html lang="ko">');
    expect(koHtml).toContain('<title>IoT 파이프라인 실습 · 수업 채점 보고서</title>');
    expect(koHtml).toContain('<h2>학생 × 검사</h2>');
    expect(koHtml).toContain('<h2>수강생들이 막힌 곳</h2>');
    expect(koHtml).toContain('<h2>학생별 결과</h2>');
    expect(koHtml).toContain('학생 2명: 1명 채점, 1명 연결 불가');
    expect(koHtml).toContain('<th>실습</th><th>검사</th><th>상태</th><th>점수</th><th>검사가 확인한 내용</th>');
    expect(koHtml).not.toMatch(/Students × checks|Each student|not passed by/);
  }, 30_000);

  it('refuses a roster it cannot read in Korean, with the same exit code', async () => {
    const missing = join(home, 'nobody.csv');
    const [en, ko]: LabRun[] = await both(() => ['grade', '--roster', missing]);
    expect(ko.code).toBe(2);
    expect(en.code).toBe(ko.code);
    expect(en.stderr).toContain(`Cannot read the roster ${missing}: no such file.`);
    expect(ko.stderr).toContain(`명단 ${missing}을(를) 읽을 수 없습니다: 파일이 없습니다.`);
  });
});
