// Sandbox cold start (process spawn to first answered AWS call) and idle memory, against the aims
// of the sandbox's design: under 1 s to the first answer, under 150 MB resident when idle.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { median } from './stats.js';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'sandbox', 'main.js');
const ROUNDS = 5;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function coldStart(): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [main, '--port', '0', '--in-memory', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await sts.send(new GetCallerIdentityCommand({}));
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 2000));
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rss };
}

export default async function (): Promise<void> {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await coldStart());
  const ms = median(runs.map((r) => r.ms));
  const rss = median(runs.map((r) => r.rss));
  console.log(`cold start to first answered call: median ${ms.toFixed(0)} ms over ${ROUNDS} runs (aim < 1000 ms: ${(ms / 1000).toFixed(2)}x of budget)`);
  console.log(`idle RSS after start: median ${rss.toFixed(0)} MB (aim < 150 MB: ${(rss / 150).toFixed(2)}x of budget)`);
}
