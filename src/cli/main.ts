// The `lab` entry: declares the commands, parses arguments, lazily imports the one command that runs,
// and is the only place that turns an outcome or an error into an exit code
// (0 passed, 1 not passed, 2 usage or environment error).

import { Command, CommanderError } from 'commander';
import type { DeclareCommand, Run } from './command-module.js';
import { EnvironmentError, UsageError, describeError } from '../errors.js';
import { language, t } from '../i18n/index.js';
import { cliText, commanderLine, helpHeading } from './messages.js';
import { stringWidth } from '../output.js';

export const EXIT = { passed: 0, notPassed: 1, usage: 2 } as const;


const list: DeclareCommand = (program, run) =>
  program
    .command('list')
    .description(cliText('list'))
    .action(run(async ({ options }) => (await import('../commands/list.js')).listLabs(options)));

const open: DeclareCommand = (program, run) =>
  program
    .command('open')
    .description(cliText('open'))
    .argument('<lab>', cliText('labArgument'))
    .action(run(async ({ args, options }) => (await import('../commands/open.js')).openLab(args[0]!, options)));

const check: DeclareCommand = (program, run) =>
  program
    .command('check')
    .description(cliText('check.description'))
    .argument('<lab>', cliText('labOrAll'))
    .option('--wait <seconds>', cliText('check.wait'))
    .option('--json [file]', cliText('check.json'))
    .option('--junit <file>', cliText('check.junit'))
    .option('--gradescope <file>', cliText('check.gradescope'))
    .option('--csv <file>', cliText('check.csv'))
    .option('--concurrency <n>', cliText('check.concurrency'))
    .action(run(async ({ args, options }) => (await import('../commands/check.js')).checkLabs(args[0]!, options)));

const hint: DeclareCommand = (program, run) =>
  program
    .command('hint')
    .description(cliText('hint.description'))
    .argument('<lab>', cliText('labArgument'))
    .argument('[check-id]', cliText('hint.checkId'))
    .action(run(async ({ args }) => (await import('../commands/hint.js')).revealHint(args[0]!, args[1])));

const config: DeclareCommand = (program, run) => {
  const command = program.command('config').description(cliText('config.description'));
  command
    .command('get')
    .description(cliText('config.get'))
    .argument('[key]')
    .action(run(async ({ args, options }) => (await import('../commands/config.js')).getConfig(args[0], options)));
  command
    .command('set')
    .description(cliText('config.set'))
    .argument('<key>')
    .argument('<value>')
    .action(run(async ({ args }) => (await import('../commands/config.js')).setConfig(args[0]!, args[1]!)));
  command
    .command('unset')
    .description(cliText('config.unset'))
    .argument('<key>')
    .action(run(async ({ args }) => (await import('../commands/config.js')).setConfig(args[0]!, undefined)));
};

const solve: DeclareCommand = (program, run) =>
  program
    .command('solve')
    .description(cliText('solve'))
    .argument('<lab>', cliText('labArgument'))
    .option('--runtime <python|node>', cliText('runtime'))
    .action(run(async ({ args, options }) => (await import('../commands/solve.js')).solveLab(args[0]!, options)));

const device: DeclareCommand = (program, run) =>
  program
    .command('device')
    .description(cliText('device.description'))
    .option('--name <thing>', cliText('device.name'))
    .option('--rate <n>', cliText('device.rate'))
    .option('--count <n>', cliText('device.count'))
    .option('--topic <topic>', cliText('device.topic'))
    .option('--malformed-every <n>', cliText('device.malformedEvery'))
    .option('--ca <file>', cliText('device.ca'))
    .action(run(async ({ options }) => (await import('../commands/device.js')).deviceCommand(options)));

const graph: DeclareCommand = (program, run) =>
  program
    .command('graph')
    .description(cliText('graph.description'))
    .option('--device <id>', cliText('graph.device'))
    .option('--port <n>', cliText('graph.port'))
    .option('--every <seconds>', cliText('graph.every'))
    .option('--open', cliText('graph.open'))
    .action(run(async ({ options }) => (await import('../commands/graph.js')).graphCommand(options)));

const trace: DeclareCommand = (program, run) =>
  program
    .command('trace')
    .description(cliText('trace.description'))
    .option('--timeout <seconds>', cliText('trace.timeout'))
    .option('--json', cliText('trace.json'))
    .action(run(async ({ options }) => (await import('../commands/trace.js')).traceCommand(options)));

const chart: DeclareCommand = (program, run) =>
  program
    .command('chart')
    .description(cliText('chart.description'))
    .option('--named-query <name>', cliText('chart.namedQuery'))
    .option('--sql <query>', cliText('chart.sql'))
    .option('--workgroup <name>', cliText('chart.workgroup'))
    .option('--database <name>', cliText('chart.database'))
    .option('--kind <line|bar>', cliText('chart.kind'))
    .option('--x <column>', cliText('chart.x'))
    .option('--y <columns>', cliText('chart.y'))
    .option('--series <column>', cliText('chart.series'))
    .option('--out <dir>', cliText('chart.out'))
    .option('--title <text>', cliText('chart.title'))
    .action(run(async ({ options }) => (await import('../commands/chart.js')).chartCommand(options)));

const reset: DeclareCommand = (program, run) =>
  program
    .command('reset')
    .description(cliText('reset.description'))
    .argument('[lab]', cliText('labOrAllDefault'))
    .option('--apply', cliText('reset.apply'))
    .option('--confirm-account <id>', cliText('reset.confirmAccount'))
    .option('--keep-device', cliText('reset.keepDevice'))
    .option('--report <file>', cliText('reset.report'))
    .action(run(async ({ args, options }) => (await import('../commands/reset.js')).resetLabs(args[0], options)));

const grade: DeclareCommand = (program, run) =>
  program
    .command('grade')
    .description(cliText('grade.description'))
    .requiredOption('--roster <file>', cliText('grade.roster'))
    .option('--labs <list>', cliText('grade.labs'))
    .option('--concurrency <n>', cliText('grade.concurrency'))
    .option('--out <dir>', cliText('grade.out'))
    .option('--wait <seconds>', cliText('grade.wait'))
    .action(run(async ({ options }) => (await import('../commands/grade.js')).gradeCommand(options)));

const selftest: DeclareCommand = (program, run) =>
  program
    .command('selftest')
    .description(cliText('selftest.description'))
    .argument('[lab]', cliText('labOrAllDefault'))
    .option('--runtime <python|node>', cliText('runtime'))
    .option('--wait <seconds>', cliText('selftest.wait'))
    .action(run(async ({ args, options }) => (await import('../commands/selftest.js')).selftest(args[0], options)));

const demo: DeclareCommand = (program, run) =>
  program
    .command('demo')
    .description(cliText('demo.description'))
    .option('--runtime <python|node>', cliText('runtime'))
    .option('--wait <seconds>', cliText('demo.wait'))
    .option('--serve', cliText('demo.serve'))
    .action(run(async ({ options }) => (await import('../commands/demo.js')).demo(options)));

const sandbox: DeclareCommand = (program, run) => {
  const command = program.command('sandbox').description(cliText('sandbox.description'));
  command
    .command('start')
    .description(cliText('sandbox.start'))
    .option('--port <n>', cliText('sandbox.port'))
    .option('--host <address>', cliText('sandbox.host'))
    .option('--data <dir>', cliText('sandbox.data'))
    .option('--in-memory', cliText('sandbox.inMemory'))
    .option('--repair', cliText('sandbox.repair'))
    .option('--detach', cliText('sandbox.detach'))
    .option('--verify-signatures', cliText('sandbox.verifySignatures'))
    .option('--secret-access-key <secret>', cliText('sandbox.secretAccessKey'))
    .option('--enforce-limits', cliText('sandbox.enforceLimits'))
    .option('--iam-enforcement <on|off>', cliText('sandbox.iamEnforcement'))
    .option('--metric-delay <ms>', cliText('sandbox.metricDelay'))
    .option('--provisioning-delay <ms>', cliText('sandbox.provisioningDelay'))
    .option('--iam-propagation-delay <ms>', cliText('sandbox.iamPropagationDelay'))
    .option('--firehose-interval-scale <factor>', cliText('sandbox.firehoseIntervalScale'))
    .option('--mqtt-port <n>', cliText('sandbox.mqttPort'))
    .option('--mqtts-port <n>', cliText('sandbox.mqttsPort'))
    .action(run(async ({ options }) => (await import('../commands/sandbox.js')).startCommand(options)));
  command
    .command('stop')
    .description(cliText('sandbox.stop'))
    .action(run(async () => (await import('../commands/sandbox.js')).stopCommand()));
  command
    .command('reset')
    .description(cliText('sandbox.reset'))
    .option('--data <dir>', cliText('sandbox.resetData'))
    .action(run(async ({ options }) => (await import('../commands/sandbox-reset.js')).sandboxResetCommand(options)));
  command
    .command('status')
    .description(cliText('sandbox.status'))
    .option('--json', cliText('sandbox.statusJson'))
    .action(run(async ({ options }) => (await import('../commands/sandbox.js')).statusCommand(options)));
};

// The one list of commands, in the order `lab --help` shows them. `lab` alone opens the menu (see wantsMenu).
const COMMANDS: readonly DeclareCommand[] = [
  list,
  open,
  check,
  hint,
  config,
  solve,
  device,
  graph,
  trace,
  chart,
  sandbox,
  reset,
  grade,
  selftest,
  demo,
];

export function createProgram(run: Run): Command {
  const program = new Command('lab')
    .description(cliText('program'))
    .option('--target <kind>', cliText('global.target'))
    .option('--endpoint <url>', cliText('global.endpoint'))
    .option('--region <region>', cliText('global.region'))
    .option('--profile <name>', cliText('global.profile'))
    .option('--lang <language>', cliText('global.lang'))
    .option('--debug', cliText('global.debug'))
    .helpOption('-h, --help', cliText('global.help'))
    .helpCommand('help [command]', cliText('global.helpCommand'))
    .showSuggestionAfterError(true)
    // Korean descriptions take two columns a character: wrapped by what a terminal draws, not by length.
    .configureHelp({ styleTitle: helpHeading, displayWidth: stringWidth })
    .configureOutput({ outputError: (text, write) => write(inLanguage(text.trimEnd()) + '\n') });
  for (const declare of COMMANDS) declare(program, run);
  // Commander must throw rather than exit, so that exit codes are decided in one place below.
  const throwing = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(throwing);
  };
  throwing(program);
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  let passed = true;
  // Chosen once, before the help is built (--help is printed while parsing). A bad --lang or LAB_LANG is
  // refused when the command runs; a damaged config is left for the commands that read it to report (and
  // for `lab config set` to fix), not a reason to refuse all.
  const { chooseLanguage } = await import('../session.js');
  const languageError = await chooseLanguage(langFlag(argv)).then(
    () => undefined,
    (err: unknown) => err,
  );
  const run: Run = (handler) => async (...commanderArgs) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    const args = commanderArgs.slice(0, -2) as (string | undefined)[];
    const options = command.optsWithGlobals();
    if (languageError !== undefined && (options.lang !== undefined || process.env.LAB_LANG)) throw languageError;
    const outcome = (await handler({ args, options })) as { passed: boolean } | undefined;
    if (outcome?.passed === false) passed = false;
  };
  const program = createProgram(run);
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
    // Commander has already printed its one-line reason (or the help it was asked for).
    return err.exitCode === 0 ? EXIT.passed : EXIT.usage;
  }
  if (err instanceof UsageError || err instanceof EnvironmentError) {
    process.stderr.write(`${err.message}\n`);
    if (err instanceof EnvironmentError && err.hint) process.stderr.write(`${err.hint}\n`);
    if (debug && err.cause !== undefined) process.stderr.write(`${stackOf(err.cause)}\n`);
    return EXIT.usage;
  }
  const advice = describeError(err);
  process.stderr.write(`${advice.environment ? advice.message : t('advice.unexpected', { message: advice.message })}\n`);
  if (advice.hint) process.stderr.write(`${advice.hint}\n`);
  if (debug) process.stderr.write(`${stackOf(err)}\n`);
  else if (!advice.environment) process.stderr.write(`${t('advice.debug')}\n`);
  return EXIT.usage;
}

/** The value of --lang (or --lang=xx) among the arguments, if given. */
function langFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  });
  return value;
}

/** Commander's refusals in the chosen language; English stays exactly as commander writes it. */
function inLanguage(text: string): string {
  return language() === 'en' ? text : text.split('\n').map(commanderLine).join('\n');
}

function stackOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
