// The AWS CLIs as clients of the sandbox independent of SDK v3: v1 (`aws` on PATH, python's awscli) and
// Debian's v2 (/usr/bin/aws). Every call gets the sandbox endpoint, the sandbox credentials and a region,
// and nothing of the user's AWS setup (profiles, config files, pager).

import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';

const run = promisify(execFile);

export type AwsCliName = 'v1' | 'v2';

export interface AwsCli {
  readonly name: AwsCliName;
  readonly bin: string;
  /** What `--version` prints: `aws-cli/2.9.19 Python/3.11.2 ...`. */
  readonly version: string;
  /** AWS_ENDPOINT_URL arrived in v1.29 and v2.13; Debian 12's v2.9 ignores it and gets --endpoint-url instead. */
  readonly readsEndpointEnv: boolean;
}

const WHERE: Record<AwsCliName, string> = { v1: '`aws` on PATH (AWS CLI v1, pip awscli)', v2: '/usr/bin/aws (AWS CLI v2, Debian awscli)' };

function locate(name: AwsCliName): string | undefined {
  if (name === 'v2') return existsSync('/usr/bin/aws') ? '/usr/bin/aws' : undefined;
  try {
    return execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const found = new Map<AwsCliName, { cli?: AwsCli; missing?: string }>();

function probe(name: AwsCliName): { cli?: AwsCli; missing?: string } {
  const bin = locate(name);
  if (!bin) return { missing: `${WHERE[name]} is not installed` };
  let version: string;
  try {
    version = execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    return { missing: `${WHERE[name]}: \`${bin} --version\` failed (${(err as Error).message.split('\n')[0]})` };
  }
  const m = /^aws-cli\/(\d+)\.(\d+)/.exec(version);
  if (!m || `v${m[1]}` !== name) return { missing: `${WHERE[name]}: ${bin} is ${version.split(' ')[0] || 'not the AWS CLI'}` };
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return { cli: { name, bin, version, readsEndpointEnv: major === 1 ? minor >= 29 : minor >= 13 } };
}

/** The CLI if it is installed (looked up once per test file). */
export function findAwsCli(name: AwsCliName): AwsCli | undefined {
  if (!found.has(name)) found.set(name, probe(name));
  return found.get(name)!.cli;
}

/** Why the CLI cannot run here, or undefined when it can. */
export function awsCliMissing(name: AwsCliName): string | undefined {
  findAwsCli(name);
  return found.get(name)!.missing;
}

/** The CLI, or the test is skipped with the reason it is absent. */
export function requireAwsCli(ctx: { skip(note?: string): never }, name: AwsCliName): AwsCli {
  return findAwsCli(name) ?? ctx.skip(`skipped: ${awsCliMissing(name)}`);
}

export interface AwsCliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A CLI call that exited non-zero; `stderr` holds AWS's error line. */
export class AwsCliError extends Error implements AwsCliResult {
  constructor(
    args: string[],
    readonly stdout: string,
    readonly stderr: string,
    readonly code: number,
  ) {
    super(`aws ${args.join(' ')} exited with ${code}:\n${stderr}`);
  }
}

export interface AwsCliOptions {
  region?: string;
  /** More environment variables (AWS_DATA_PATH, HOME...). */
  env?: Record<string, string>;
  cwd?: string;
}

export interface AwsCliRunner {
  readonly cli: AwsCli;
  /** Runs `aws <args>`; resolves with the exit code whatever it is. */
  exec(...args: string[]): Promise<AwsCliResult>;
  /** stdout of `aws <args>`; rejects with AwsCliError on a non-zero exit. */
  text(...args: string[]): Promise<string>;
  /** `aws <args> --output json`, parsed ({} for commands that print nothing); rejects with AwsCliError. */
  json(...args: string[]): Promise<Record<string, any>>;
}

/** A runner of one CLI against a sandbox (read `endpoint` at each call, so a handle from useSandbox works). */
export function awsCli(cli: AwsCli, sandbox: { readonly endpoint: string }, options: AwsCliOptions = {}): AwsCliRunner {
  const exec = async (...args: string[]): Promise<AwsCliResult> => {
    const { endpoint } = sandbox;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    const env = {
      ...inherited,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: options.region ?? 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
      ...options.env,
    };
    // Without AWS_ENDPOINT_URL support the flag is what keeps the call away from real AWS.
    const argv = cli.readsEndpointEnv ? args : [...args, '--endpoint-url', endpoint];
    try {
      const { stdout, stderr } = await run(cli.bin, argv, { env, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
      return { stdout, stderr, code: 0 };
    } catch (err) {
      const e = err as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof e.code !== 'number') throw err; // not started, or killed by a signal
      return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code };
    }
  };
  const text = async (...args: string[]) => {
    const out = await exec(...args);
    if (out.code !== 0) throw new AwsCliError(args, out.stdout, out.stderr, out.code);
    return out.stdout;
  };
  const json = async (...args: string[]) => {
    const stdout = await text(...args, '--output', 'json');
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, any>) : {};
  };
  return { cli, exec, text, json };
}
