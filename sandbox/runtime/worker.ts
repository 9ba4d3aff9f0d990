// One warm execution environment: a child process running our bootstrap for one function, serving one
// invocation at a time. It enforces the timeout and the memory size (by killing the environment's
// processes, as AWS does), ends what the handler left running after each invocation, survives nothing
// the handler does to its own process, and turns every way an invocation can end into an outcome, never
// a throw.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { LOG_CAPTURE_BYTES, LogCapture } from './log-capture.js';
import { launchCommand, RuntimeUnavailable } from './launch.js';
import { environmentProcesses, isZombie, killProcesses, PROC_AVAILABLE, residentBytes, runtimeProcess, type RuntimeProcess } from './environment-processes.js';

export interface WorkerSpec {
  runtime: string;
  /** The complete environment of the function (AWS's variables and its own). */
  env: Record<string, string>;
  /** Where the unzipped code is (LAMBDA_TASK_ROOT); also the working directory. */
  codeDir: string;
  logStreamName: string;
  /** The function's MemorySize: the environment's processes together may not hold more. */
  memoryMb: number;
}

export interface InvokeRequest {
  requestId: string;
  /** The event, as JSON text. */
  payload: string;
  invokedFunctionArn: string;
  clientContext?: unknown;
  timeoutMs: number;
}

export interface FunctionErrorBody {
  errorType?: string;
  errorMessage: string;
  [field: string]: unknown;
}

export type InvokeResult =
  | { kind: 'success'; payload: string }
  /** The handler (or its module's initialisation) failed; `error` is the payload AWS returns. */
  | { kind: 'error'; error: FunctionErrorBody }
  | { kind: 'timeout' }
  /** The process ended during the invocation (process.exit, sys.exit, a crash, an oversized response). */
  | { kind: 'exit'; reason: string }
  /** The environment went past its memory size and was killed. */
  | { kind: 'out-of-memory'; reason: string }
  /** The runtime could not start at all. */
  | { kind: 'unavailable'; message: string };

export interface InvokeOutcome {
  result: InvokeResult;
  logs: string[];
  durationMs: number;
  /** Set on the invocation that started the process. */
  initMs?: number;
  memoryMb?: number;
  logStreamName: string;
}

/** Time the runtime may take to load the handler before the invocation is abandoned (AWS: 10 s). */
const INIT_LIMIT_MS = 10_000;
/** A frame larger than this from the child is a response no client could receive: the process is ended. */
const MAX_FRAME_CHARS = 16 * 1024 * 1024;
/** Output between invocations is kept for the next one, within a smaller budget. */
const IDLE_LOG_BYTES = 64 * 1024;
/**
 * How often the environment's memory is read: often while it runs (a process filling memory at several
 * GB/s overshoots by this much time's worth before it is killed), rarely while it waits.
 */
const MEMORY_POLL_BUSY_MS = 10;
const MEMORY_POLL_IDLE_MS = 500;
/** How often the list of the environment's other processes (children) is refreshed while it runs. */
const CHILDREN_REFRESH_MS = 200;
/** What Node.js prints when its heap limit (--max-old-space-size, the memory size) is reached. */
const NODE_HEAP_EXHAUSTED = 'JavaScript heap out of memory';

type Frame = { type: 'ready'; initMs: number } | { type: 'init-error'; error: FunctionErrorBody; initMs: number } | { type: 'log'; text: string } | { type: 'result'; requestId: string; ok: boolean; payload?: string; error?: FunctionErrorBody; memoryMb?: number };

export class RuntimeWorker {
  busy = false;
  /** Set when the function changed: the worker ends after its current invocation. */
  retired = false;
  lastUsed = Date.now();
  private child: ChildProcess | undefined;
  private channel: Socket | undefined;
  private exited = false;
  private exitReason = '';
  private started = false;
  private capture = new LogCapture(IDLE_LOG_BYTES);
  private readiness: Promise<Frame | { type: 'exit' }> | undefined;
  private frameListener: ((frame: Frame) => void) | undefined;
  private exitListener: (() => void) | undefined;
  private partial = '';
  private startError: string | undefined;
  private runtime: RuntimeProcess | undefined;
  /** `AWS_LAMBDA_LOG_STREAM_NAME=<stream>`: unique to this environment, inherited by whatever it starts. */
  private readonly marker: string | undefined;
  /** Set when the sandbox killed the environment; a SIGKILL from anyone else is the kernel's OOM killer. */
  private killedBySandbox = false;
  private outOfMemory = false;
  private memoryTimer: NodeJS.Timeout | undefined;
  private memoryCheck: (() => void) | undefined;
  private children: number[] = [];
  private childrenReadAt = 0;
  /** Peak memory of the environment during the current invocation, bytes. */
  private peakBytes = 0;

  constructor(readonly spec: WorkerSpec) {
    this.marker = spec.env.AWS_LAMBDA_LOG_STREAM_NAME === undefined ? undefined : `AWS_LAMBDA_LOG_STREAM_NAME=${spec.env.AWS_LAMBDA_LOG_STREAM_NAME}`;
    let command;
    try {
      command = launchCommand(spec.runtime, spec.memoryMb);
    } catch (err) {
      if (!(err instanceof RuntimeUnavailable)) throw err;
      this.startError = err.message;
      this.exited = true;
      return;
    }
    const child = spawn(command.command, command.args, {
      cwd: spec.codeDir,
      env: { ...spec.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so the function's own subprocesses end with it.
      detached: true,
    });
    this.child = child;
    if (child.pid !== undefined) this.runtime = runtimeProcess(child.pid);
    this.channel = child.stdio[3] as Socket;
    child.stdout!.setEncoding('utf8').on('data', (text: string) => this.capture.add(text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => this.capture.add(text));
    this.channel.setEncoding('utf8');
    this.channel.on('data', (text: string) => this.receive(text));
    this.channel.on('error', () => {});
    child.on('error', (err) => this.markExited(`error: ${err.message}`));
    // Output the process wrote just before it ended may still be in the pipes: read it first.
    child.on('exit', (code, signal) => {
      // Whatever the runtime started outlives it otherwise (a process.exit with children running).
      this.endEnvironment();
      if (signal === 'SIGKILL' && !this.killedBySandbox) this.outOfMemory = true;
      setTimeout(() => this.markExited(signal ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal}` : `exit status ${code}`), 20);
    });
    this.watchMemory();
    this.readiness = new Promise((resolve) => {
      this.frameListener = (frame) => {
        if (frame.type === 'ready' || frame.type === 'init-error') resolve(frame);
      };
      this.exitListener = () => resolve({ type: 'exit' });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private markExited(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    this.exitReason = reason;
    clearTimeout(this.memoryTimer);
    this.exitListener?.();
  }

  /**
   * Reads the environment's memory (the runtime's often, its children's less often) and kills the
   * environment when together they hold more than the memory size, as AWS's cgroup does.
   */
  private watchMemory(): void {
    if (!PROC_AVAILABLE || !this.runtime) return;
    const limit = this.spec.memoryMb * 1024 * 1024;
    const check = () => {
      if (this.exited) return;
      const now = Date.now();
      if (this.busy && now - this.childrenReadAt >= CHILDREN_REFRESH_MS) {
        this.children = environmentProcesses(this.runtime!).filter((pid) => pid !== this.runtime!.pid);
        this.childrenReadAt = now;
      }
      let used = residentBytes(this.runtime!.pid);
      for (const pid of this.children) used += residentBytes(pid);
      if (this.busy) this.peakBytes = Math.max(this.peakBytes, used);
      if (used > limit) {
        this.outOfMemory = true;
        this.kill('signal: killed');
        return;
      }
      this.schedule(this.busy ? MEMORY_POLL_BUSY_MS : MEMORY_POLL_IDLE_MS);
    };
    this.memoryCheck = check;
    this.schedule(MEMORY_POLL_BUSY_MS);
  }

  private schedule(ms: number): void {
    clearTimeout(this.memoryTimer);
    this.memoryTimer = setTimeout(this.memoryCheck!, ms);
    this.memoryTimer.unref();
  }

  /** Polls at the busy rate from now on (the idle timer may be up to half a second away). */
  private watchClosely(): void {
    this.peakBytes = 0;
    this.children = [];
    this.childrenReadAt = 0;
    if (this.memoryCheck && !this.exited) this.schedule(0);
  }

  /** How the process's end reads: out of memory when the sandbox or the kernel killed it for memory. */
  private exitResult(logs: LogCapture): InvokeResult {
    const heapExhausted = logs.events.some((text) => text.includes(NODE_HEAP_EXHAUSTED));
    if (this.outOfMemory || heapExhausted) return { kind: 'out-of-memory', reason: 'signal: killed' };
    return { kind: 'exit', reason: this.exitReason };
  }

  /** Kills every process of the environment but the runtime: what the invocation left running. */
  private endLeftovers(): void {
    if (!PROC_AVAILABLE || !this.runtime || this.exited) return;
    // Again while any is found: one may have forked between the listing and the kill.
    for (let pass = 0; pass < 3; pass++) {
      const leftovers = environmentProcesses(this.runtime, this.marker).filter((pid) => pid !== this.runtime!.pid && !isZombie(pid));
      if (leftovers.length === 0) break;
      killProcesses(leftovers);
    }
    this.children = [];
  }

  /** Kills every process of the environment, the runtime included. */
  private endEnvironment(): void {
    if (!this.runtime) return;
    killProcesses(environmentProcesses(this.runtime, this.marker), this.runtime.pid);
  }

  private receive(text: string): void {
    this.partial += text;
    let newline: number;
    while ((newline = this.partial.indexOf('\n')) >= 0) {
      const line = this.partial.slice(0, newline);
      this.partial = this.partial.slice(newline + 1);
      let frame: Frame;
      try {
        frame = JSON.parse(line) as Frame;
      } catch {
        continue;
      }
      if (frame.type === 'log') this.capture.add(frame.text);
      else this.frameListener?.(frame);
    }
    if (this.partial.length > MAX_FRAME_CHARS) {
      this.partial = '';
      this.kill('Response payload too large');
    }
  }

  /** Runs one invocation; resolves with how it ended (never rejects). */
  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    this.lastUsed = Date.now();
    const capture = this.capture;
    const firstInvocation = !this.started;
    this.started = true;
    const began = performance.now();
    const finish = (result: InvokeResult, extra: { initMs?: number; memoryMb?: number } = {}): InvokeOutcome => {
      this.capture = new LogCapture(IDLE_LOG_BYTES);
      this.lastUsed = Date.now();
      return { result, logs: capture.finish(), durationMs: performance.now() - began, logStreamName: this.spec.logStreamName, ...extra };
    };
    if (this.startError) return finish({ kind: 'unavailable', message: this.startError });
    this.watchClosely();
    // The invocation's own output gets the full budget; what was printed while idle stays in front of it.
    capture.raiseLimit(LOG_CAPTURE_BYTES);

    let initMs: number | undefined;
    if (firstInvocation) {
      const ready = await this.withTimer(this.readiness!, INIT_LIMIT_MS);
      if (ready === 'timeout') {
        this.kill('init timeout');
        return finish({ kind: 'timeout' });
      }
      if (ready.type === 'exit') return finish(this.exitResult(capture), { memoryMb: this.outOfMemory ? this.spec.memoryMb : undefined });
      if (ready.type === 'init-error') {
        // AWS runs the initialisation again in a fresh environment next time.
        this.kill('init error');
        return finish({ kind: 'error', error: ready.error }, { initMs: ready.initMs });
      }
      if (ready.type === 'ready') initMs = ready.initMs;
    }
    if (this.exited) return finish(this.exitResult(capture), { initMs });

    const deadline = Date.now() + request.timeoutMs;
    const answer = new Promise<Frame | { type: 'exit' }>((resolve) => {
      this.frameListener = (frame) => {
        if (frame.type === 'result' && frame.requestId === request.requestId) resolve(frame);
      };
      this.exitListener = () => resolve({ type: 'exit' });
    });
    this.channel!.write(JSON.stringify({ type: 'invoke', requestId: request.requestId, payload: request.payload, invokedFunctionArn: request.invokedFunctionArn, clientContext: request.clientContext, deadline }) + '\n');
    const outcome = await this.withTimer(answer, request.timeoutMs);
    this.frameListener = undefined;
    if (outcome === 'timeout') {
      this.kill('timeout');
      return finish({ kind: 'timeout' }, { initMs });
    }
    if (outcome.type === 'exit') {
      const result = this.exitResult(capture);
      return finish(result, { initMs, memoryMb: result.kind === 'out-of-memory' ? this.spec.memoryMb : this.peakMb() });
    }
    if (outcome.type !== 'result') return finish({ kind: 'exit', reason: 'protocol error' }, { initMs });
    // AWS freezes the environment between invocations; here what the handler started is ended instead.
    this.endLeftovers();
    const result: InvokeResult = outcome.ok ? { kind: 'success', payload: outcome.payload ?? 'null' } : { kind: 'error', error: outcome.error ?? { errorMessage: 'Unknown error' } };
    return finish(result, { initMs, memoryMb: Math.max(outcome.memoryMb ?? 0, this.peakMb() ?? 0) || undefined });
  }

  private peakMb(): number | undefined {
    return this.peakBytes > 0 ? Math.ceil(this.peakBytes / (1024 * 1024)) : undefined;
  }

  private withTimer<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
    let timer: NodeJS.Timeout;
    const expiry = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
  }

  /** Ends the process and everything it started. */
  kill(reason = 'retired'): void {
    if (!this.exited && this.runtime) {
      this.killedBySandbox = true;
      this.endEnvironment();
    }
    this.markExited(reason === 'timeout' ? 'signal: killed' : reason);
    this.channel?.destroy();
    this.child?.stdout?.destroy();
    this.child?.stderr?.destroy();
  }
}
