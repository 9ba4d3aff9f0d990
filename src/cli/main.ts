// The `lab` entry: parses arguments, runs one command, and is the only place that turns an outcome
// or an error into an exit code (0 passed, 1 not passed, 2 usage or environment error).

import { Command, CommanderError } from 'commander';
import type { CommandModule, Outcome, Run } from './command-module.js';
import { EnvironmentError, UsageError, describeError } from '../errors.js';
import list from '../commands/list.js';
import open from '../commands/open.js';
import check from '../commands/check.js';
import hint from '../commands/hint.js';
import config from '../commands/config.js';
import solve from '../commands/solve.js';

// The one list of commands. Heavy libraries (AWS SDK, listr2, inquirer, marked) load inside actions only.
// `lab` alone opens the interactive menu (src/commands/menu.ts), which is not a subcommand.
const COMMANDS: readonly CommandModule[] = [
  list,
  open,
  check,
  hint,
  config,
  solve,
  // `lab sandbox ...` (the embedded local AWS) registers here: import it from ../commands/sandbox.js and list it.
];

export const EXIT = { passed: 0, notPassed: 1, usage: 2 } as const;

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  let passed = true;
  const program = new Command('lab')
    .description('IoT pipeline labs: read each lab, build it in AWS or the local sandbox, and grade it with `lab check N`.')
    .option('--target <kind>', 'where to grade: local (the sandbox, default) or aws')
    .option('--endpoint <url>', 'sandbox endpoint for --target local (default http://127.0.0.1:4566)')
    .option('--region <region>', 'AWS region')
    .option('--profile <name>', 'AWS profile for --target aws')
    .option('--debug', 'show stack traces and details of unexpected errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.trimEnd() + '\n') });

  const run: Run = (handler) => async (...commanderArgs) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    const args = commanderArgs.slice(0, -2);
    const outcome = (await handler({ args, options: command.optsWithGlobals() })) as Exclude<Outcome, void> | undefined;
    if (outcome?.passed === false) passed = false;
  };
  for (const module of COMMANDS) module.register(program, run);
  for (const command of program.commands) command.exitOverride();

  try {
    if (wantsMenu(program, argv)) {
      const { openMenu } = await import('../commands/menu.js');
      await openMenu(program);
      return EXIT.passed;
    }
    await program.parseAsync([...argv]);
    return passed ? EXIT.passed : EXIT.notPassed;
  } catch (err) {
    return reportError(err, argv.includes('--debug'));
  }
}

// No command word and no help flag: the student wants the menu (global options like --target still apply).
function wantsMenu(program: Command, argv: readonly string[]): boolean {
  const { operands, unknown } = program.parseOptions(argv.slice(2));
  return operands.length === 0 && unknown.length === 0;
}

function reportError(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its one-line reason (or the help / version it was asked for).
    return err.exitCode === 0 ? EXIT.passed : EXIT.usage;
  }
  if (err instanceof UsageError || err instanceof EnvironmentError) {
    process.stderr.write(`${err.message}\n`);
    if (err instanceof EnvironmentError && err.hint) process.stderr.write(`${err.hint}\n`);
    if (debug && err.cause !== undefined) process.stderr.write(`${stackOf(err.cause)}\n`);
    return EXIT.usage;
  }
  const advice = describeError(err);
  process.stderr.write(`${advice.environment ? advice.message : `Unexpected error: ${advice.message}`}\n`);
  if (advice.hint) process.stderr.write(`${advice.hint}\n`);
  if (debug) process.stderr.write(`${stackOf(err)}\n`);
  else if (!advice.environment) process.stderr.write('Run again with --debug for details.\n');
  return EXIT.usage;
}

function stackOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
