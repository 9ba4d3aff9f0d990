// The contract between the CLI entry and a command module: the module declares its syntax; the entry
// runs it and turns its outcome (or error) into an exit code.

import type { Command } from 'commander';
import type { GlobalOptions } from '../session.js';

/** `passed: false` exits 1; nothing or `passed: true` exits 0. Errors are thrown, never exited on. */
export type Outcome = { passed: boolean } | void;

export interface Invocation {
  /** Positional arguments as commander parsed them (variadic ones are arrays). */
  args: unknown[];
  /** The command's own options merged with the global ones. */
  options: GlobalOptions & Record<string, unknown>;
}

export type Handler = (invocation: Invocation) => Promise<Outcome>;
export type Run = (handler: Handler) => (...commanderArgs: unknown[]) => Promise<void>;

export interface CommandModule {
  register(program: Command, run: Run): void;
}
