// The contract between the CLI entry and the commands it declares: a handler runs one command and
// returns its outcome; the entry turns that (or a thrown error) into an exit code.

import type { Command } from 'commander';
import type { GlobalOptions } from '../session.js';

/** `passed: false` exits 1; nothing or `passed: true` exits 0. Errors are thrown, never exited on. */
export type Outcome = { passed: boolean } | void;

export interface Invocation {
  /** Positional arguments as commander parsed them. */
  args: (string | undefined)[];
  /** The command's own options merged with the global ones. */
  options: GlobalOptions & Record<string, unknown>;
}

export type Handler = (invocation: Invocation) => Promise<Outcome>;
export type Run = (handler: Handler) => (...commanderArgs: unknown[]) => Promise<void>;

/** Declares one command's syntax on the program; its handler imports the command's module only when it runs. */
export type DeclareCommand = (program: Command, run: Run) => void;
