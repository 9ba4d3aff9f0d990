// `lab grade` of a class of 30 sandbox accounts (12-digit access keys, a prefix each) with labs 0 and 1
// solved and no device running, against the same students checked one after the other with
// `lab check 0` and `lab check 1`, in the same run on the same machine. Target: the class graded in
// under 15 s. Lab 0's device.publishing listens 5 s for a device that is not there; a student listening
// gives its place to the next, so the listens overlap: the default concurrency (8) and 16 are both timed.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/engine/clock.js';
import { WORKSHOP_TAGS } from '../src/engine/solution.js';
import { LABS } from '../src/labs/catalog.js';
import { loadSolution, resolveWorkbook } from '../src/labs/workbook.js';
import { createClientFactory } from '../src/target/clients.js';
import { resolveIdentity } from '../src/target/identity.js';
import { startSandbox } from '../sandbox/index.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'lab.js');
const STUDENTS = 30;
const TARGET_MS = 15_000;

interface Pupil {
  id: string;
  account: string;
  prefix: string;
  home: string;
}

export default async function (): Promise<void> {
  const sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'lab-grade-bench-'));
  const previousHome = process.env.LAB_HOME;
  try {
    const pupils: Pupil[] = Array.from({ length: STUDENTS }, (_, i) => {
      const id = `s${String(i + 1).padStart(2, '0')}`;
      return { id, account: `5000000000${String(i + 1).padStart(2, '0')}`, prefix: id, home: join(dir, id) };
    });
    const workbook = resolveWorkbook();
    const solutions = await Promise.all(LABS.slice(0, 2).map((entry) => loadSolution(workbook, entry)));
    const setupStarted = performance.now();
    for (const p of pupils) {
      await mkdir(p.home, { recursive: true });
      await writeFile(join(p.home, 'config.json'), JSON.stringify({ prefix: p.prefix }));
      const clients = createClientFactory({ kind: 'local', region: 'us-east-1', endpoint: sandbox.endpoint, credentials: { accessKeyId: p.account, secretAccessKey: 'bench' } });
      const target = await resolveIdentity(clients);
      // Lab 0's solution saves the device's certificate under the lab home it reads from the environment.
      process.env.LAB_HOME = p.home;
      for (const [n, solution] of solutions.entries()) {
        await solution.deploy({
          clients, target, config: { prefix: p.prefix }, clock: systemClock, signal: new AbortController().signal,
          lab: { number: n, slug: LABS[n]!.slug }, tags: WORKSHOP_TAGS, log: () => undefined, choices: {},
        });
      }
      clients.destroy();
    }
    console.log(`setup: ${STUDENTS} students with labs 0-1 solved in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    await writeFile(join(dir, 'roster.csv'), ['id,name,access_key_id,secret_access_key,prefix,home', ...pupils.map((p) => `${p.id},Student ${p.id},${p.account},bench,${p.prefix},${p.id}`)].join('\n') + '\n');

    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LAB_') && !k.startsWith('AWS_')));
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        execFile(process.execPath, [BIN, ...args], { env: { ...clean, LAB_ENDPOINT: sandbox.endpoint, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (err) => {
          if (err && typeof err.code !== 'number') reject(err);
          else resolve(performance.now() - started);
        });
      });

    const graded: Record<string, number> = {};
    for (const concurrency of ['8', '16']) {
      graded[concurrency] = await run(['grade', '--roster', join(dir, 'roster.csv'), '--labs', '0-1', '--out', join(dir, `grades-${concurrency}`), '--concurrency', concurrency], { LAB_HOME: dir });
    }
    let sequential = 0;
    for (const p of pupils) {
      for (const n of ['0', '1']) sequential += await run(['check', n, '--wait', '0', '--json'], { LAB_HOME: p.home, LAB_ACCESS_KEY_ID: p.account });
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    for (const [concurrency, ms] of Object.entries(graded)) {
      console.log(`lab grade, ${STUDENTS} students × labs 0-1, --concurrency ${concurrency}: ${s(ms)} (${ms < TARGET_MS ? 'under' : 'OVER'} the ${s(TARGET_MS)} target), ${(sequential / ms).toFixed(1)}x faster than one by one`);
    }
    console.log(`lab check 0 + lab check 1 for each student, one after the other: ${s(sequential)} (${s(sequential / STUDENTS)} a student)`);
  } finally {
    if (previousHome === undefined) delete process.env.LAB_HOME;
    else process.env.LAB_HOME = previousHome;
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
