// The `lab` entry: declares the commands, parses arguments, lazily imports the one command that runs,
// and is the only place that turns an outcome or an error into an exit code
// (0 passed, 1 not passed, 2 usage or environment error).

import { Command, CommanderError } from 'commander';
import type { DeclareCommand, Run } from './command-module.js';
import { EnvironmentError, UsageError, describeError } from '../errors.js';

export const EXIT = { passed: 0, notPassed: 1, usage: 2 } as const;

const LAB_ARGUMENT = 'lab number (0-4)';

const list: DeclareCommand = (program, run) =>
  program
    .command('list')
    .description('list the labs and your progress on the configured target')
    .action(run(async ({ options }) => (await import('../commands/list.js')).listLabs(options)));

const open: DeclareCommand = (program, run) =>
  program
    .command('open')
    .description('read a lab in the terminal')
    .argument('<lab>', LAB_ARGUMENT)
    .action(run(async ({ args, options }) => (await import('../commands/open.js')).openLab(args[0]!, options)));

const check: DeclareCommand = (program, run) =>
  program
    .command('check')
    .description('grade a lab (or all labs) against the target')
    .argument('<lab>', `${LAB_ARGUMENT} or "all"`)
    .option('--wait <seconds>', 'how long to keep polling checks whose data has not arrived yet (default 180)')
    .option('--json [file]', 'write the JSON report to a file, or to stdout without one')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--gradescope <file>', 'write a Gradescope results.json')
    .option('--csv <file>', 'write a CSV report, one row per check')
    .option('--concurrency <n>', 'how many checks may run at once (default 6)')
    .action(run(async ({ args, options }) => (await import('../commands/check.js')).checkLabs(args[0]!, options)));

const hint: DeclareCommand = (program, run) =>
  program
    .command('hint')
    .description('reveal the next hint for a check (the first one you have not passed, by default)')
    .argument('<lab>', LAB_ARGUMENT)
    .argument('[check-id]', 'the check, e.g. stream.active')
    .action(run(async ({ args }) => (await import('../commands/hint.js')).revealHint(args[0]!, args[1])));

const config: DeclareCommand = (program, run) => {
  const command = program.command('config').description('show or change settings in .lab/config.json');
  command
    .command('get')
    .description('show all settings, or one of: target, region, profile, endpoint, prefix, protected-accounts')
    .argument('[key]')
    .action(run(async ({ args, options }) => (await import('../commands/config.js')).getConfig(args[0], options)));
  command
    .command('set')
    .description('change a setting, e.g. `lab config set target aws`')
    .argument('<key>')
    .argument('<value>')
    .action(run(async ({ args }) => (await import('../commands/config.js')).setConfig(args[0]!, args[1]!)));
  command
    .command('unset')
    .description('remove a setting, back to its default')
    .argument('<key>')
    .action(run(async ({ args }) => (await import('../commands/config.js')).setConfig(args[0]!, undefined)));
};

const solve: DeclareCommand = (program, run) =>
  program
    .command('solve')
    .description("deploy a lab's reference solution into the target")
    .argument('<lab>', LAB_ARGUMENT)
    .option('--runtime <python|node>', "language of the lab's Lambda functions (default python)")
    .action(run(async ({ args, options }) => (await import('../commands/solve.js')).solveLab(args[0]!, options)));

const device: DeclareCommand = (program, run) =>
  program
    .command('device')
    .description('run a simulated device publishing readings over MQTT with the certificate of lab 0 (Ctrl-C stops)')
    .option('--name <thing>', 'device (and MQTT client) name (default: the thing of lab 0)')
    .option('--rate <n>', 'messages per second (default 1)')
    .option('--count <n>', 'stop after this many messages (default: run until Ctrl-C)')
    .option('--topic <topic>', 'publish here instead of <prefix>/telemetry/<name>')
    .option('--malformed-every <n>', 'make every Nth message malformed, to test the pipeline')
    .option('--ca <file>', "certificate authority to trust instead of the target's")
    .action(run(async ({ options }) => (await import('../commands/device.js')).deviceCommand(options)));

const graph: DeclareCommand = (program, run) =>
  program
    .command('graph')
    .description("serve lab 3's graph page on 127.0.0.1, pre-filled with your API's invoke URL and device (Ctrl-C stops)")
    .option('--device <id>', 'device whose readings to draw (default: the thing of lab 0)')
    .option('--port <n>', 'port to serve on (default: a free one)')
    .option('--every <seconds>', 'how often the page asks the API (default 5)')
    .option('--open', 'open the page in the system browser')
    .action(run(async ({ options }) => (await import('../commands/graph.js')).graphCommand(options)));

const trace: DeclareCommand = (program, run) =>
  program
    .command('trace')
    .description(
      'publish one marked reading as the lab 0 device and time when it shows up on the topic, in the stream, in DynamoDB, through the API and in S3 ' +
        '(its only write is that publish; everything else is read)',
    )
    .option('--timeout <seconds>', "how long to wait for the slowest hop (default: the Firehose buffer interval + 60, or 30 without lab 2)")
    .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
    .action(run(async ({ options }) => (await import('../commands/trace.js')).traceCommand(options)));

const chart: DeclareCommand = (program, run) =>
  program
    .command('chart')
    .description(
      "lab 4's dashboard: run the lab's named query (or your SQL) in Athena and draw the result as a line over time or bars per category " +
        '(SVG, PNG and an HTML page, plus a table and sparklines here). Running a query writes its result to S3 and, on AWS, ' +
        'costs money for the data it scans (at least 10 MB per query)',
    )
    .option('--named-query <name>', 'the saved query to run (default <prefix>-hourly-stats)')
    .option('--sql <query>', 'run this SQL instead of a named query')
    .option('--workgroup <name>', 'Athena workgroup, whose result location is used (default <prefix>-wg, else primary)')
    .option('--database <name>', "database the query runs in (default: the named query's, or <prefix>_datalake for --sql)")
    .option('--kind <line|bar>', 'line over time or bars per category (default: from the columns)')
    .option('--x <column>', 'column along the x axis (default: a time or hour column, else a category)')
    .option('--y <columns>', 'value columns, comma-separated (default: the numeric columns of one scale, counts left out)')
    .option('--series <column>', 'split the values into one series per value of this column, e.g. device_name')
    .option('--out <dir>', 'where to write <name>.svg, .png and .html (default .lab/charts)')
    .option('--title <text>', 'chart title (default: the query name)')
    .action(run(async ({ options }) => (await import('../commands/chart.js')).chartCommand(options)));

const reset: DeclareCommand = (program, run) =>
  program
    .command('reset')
    .description(
      "find the workshop's resources (tag workshop=iot-pipeline-labs or the prefix's names) and show the plan; " +
        'with --apply and the account id confirmed, delete them in dependency order',
    )
    .argument('[lab]', `${LAB_ARGUMENT} or "all" (default)`)
    .option('--apply', 'delete what the plan shows (asks for the account id)')
    .option('--confirm-account <id>', 'the account id, confirmed in advance (for scripts)')
    .option('--keep-device', "keep lab 0's device: its thing, certificate, policy and saved certificate files")
    .option('--report <file>', 'where to write the JSON report (default .lab/reset-<time>.json)')
    .action(run(async ({ args, options }) => (await import('../commands/reset.js')).resetLabs(args[0], options)));

const grade: DeclareCommand = (program, run) =>
  program
    .command('grade')
    .description('grade a class from a roster CSV, read-only and concurrently; writes grades.csv, a JSON report per student, JUnit and an HTML report')
    .requiredOption('--roster <file>', 'CSV: id, name, prefix, and profile | role_arn (+external_id) | access_key_id + secret_access_key; optional target, endpoint, region, home')
    .option('--labs <list>', 'labs to grade: all (default: every lab with checks), 2, 0-3 or 0,2')
    .option('--concurrency <n>', 'students whose checks call AWS at once; one only listening for its device steps aside (default 8)')
    .option('--out <dir>', 'where to write the reports (default grades/)')
    .option('--wait <seconds>', 'how long checks may wait for data that has not arrived (default 0)')
    .action(run(async ({ options }) => (await import('../commands/grade.js')).gradeCommand(options)));

const selftest: DeclareCommand = (program, run) =>
  program
    .command('selftest')
    .description("prove the labs on a fresh in-memory sandbox: no check passes before the reference solution, all pass after")
    .argument('[lab]', `${LAB_ARGUMENT} or "all" (default)`)
    .option('--runtime <python|node>', "language of the lab's Lambda functions (default python)")
    .option('--wait <seconds>', 'how long checks may wait for data after solving (default 90)')
    .action(run(async ({ args, options }) => (await import('../commands/selftest.js')).selftest(args[0], options)));

const demo: DeclareCommand = (program, run) =>
  program
    .command('demo')
    .description('the workshop so far, offline: sandbox, reference solutions, device, and the graded report (npm start)')
    .option('--runtime <python|node>', "language of the lab's Lambda functions (default python)")
    .option('--wait <seconds>', 'how long checks may wait for data (default 90)')
    .option('--serve', "keep the sandbox, the device and lab 3's graph page running until Ctrl-C")
    .action(run(async ({ options }) => (await import('../commands/demo.js')).demo(options)));

const sandbox: DeclareCommand = (program, run) => {
  const command = program.command('sandbox').description('run the embedded local AWS on 127.0.0.1 for offline labs');
  command
    .command('start')
    .description('start the sandbox (in the foreground; --detach to keep it in the background)')
    .option('--port <n>', 'edge port (default 4566; 0 picks a free one)')
    .option('--host <address>', 'interface to bind (default 127.0.0.1, loopback only; any other needs --verify-signatures)')
    .option('--data <dir>', 'where the sandbox keeps its state (default .lab/sandbox)')
    .option('--in-memory', 'keep nothing on disk')
    .option('--repair', 'start on damaged data: keep what can be read, move the damaged parts into a dated folder beside them')
    .option('--detach', 'run in the background and return once it answers')
    .option('--verify-signatures', 'refuse requests not signed with the sandbox secret')
    .option('--secret-access-key <secret>', 'the secret clients sign with (default test; generated and shown once when --host is not loopback)')
    .option('--enforce-limits', 'apply Kinesis per-shard write limits')
    .option('--iam-enforcement <on|off>', "hold role sessions and service roles (functions, rule actions, Firehose, mappings, crawlers) to their policies, as AWS does (default on)")
    .option('--metric-delay <ms>', 'hide CloudWatch datapoints newer than this, as AWS lags')
    .option('--provisioning-delay <ms>', 'keep new and changed streams CREATING/UPDATING this long, as AWS does (default 0)')
    .option('--iam-propagation-delay <ms>', 'keep new and changed roles unusable by services this long, as IAM propagates (default 0)')
    .option('--firehose-interval-scale <factor>', 'multiply Firehose buffering intervals (0.01 for fast tests)')
    .option('--mqtt-port <n>', 'IoT MQTT broker port, plain TCP (default 1883; 0 picks a free one)')
    .option('--mqtts-port <n>', 'IoT MQTT broker port, TLS with client certificates (default 8883; 0 picks a free one)')
    .action(run(async ({ options }) => (await import('../commands/sandbox.js')).startCommand(options)));
  command
    .command('stop')
    .description('stop the sandbox started with --detach')
    .action(run(async () => (await import('../commands/sandbox.js')).stopCommand()));
  command
    .command('reset')
    .description('empty the local sandbox: restart the one started here with the same options and no state, or remove its data when none runs')
    .option('--data <dir>', 'the data directory to empty when no sandbox runs (default .lab/sandbox)')
    .action(run(async ({ options }) => (await import('../commands/sandbox-reset.js')).sandboxResetCommand(options)));
  command
    .command('status')
    .description('endpoint, services, calls answered, and calls the sandbox does not implement')
    .option('--json', 'print the status document as JSON')
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
    .description('IoT pipeline labs: read each lab, build it in AWS or the local sandbox, and grade it with `lab check N`.')
    .option('--target <kind>', 'where to grade: local (the sandbox, default) or aws')
    .option('--endpoint <url>', 'sandbox endpoint for --target local (default http://127.0.0.1:4566)')
    .option('--region <region>', 'AWS region')
    .option('--profile <name>', 'AWS profile for --target aws')
    .option('--lang <language>', 'language of the workbook: en or ko (default: lab config lang, then your system locale)')
    .option('--debug', 'show stack traces and details of unexpected errors')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(text.trimEnd() + '\n') });
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
  const run: Run = (handler) => async (...commanderArgs) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    const args = commanderArgs.slice(0, -2) as (string | undefined)[];
    const options = command.optsWithGlobals();
    // Commands that open no session (hint, open, ...) speak the chosen language too. A damaged config is
    // left for the commands that read it to report (and for `lab config set` to fix), not a reason to refuse all.
    const { chooseLanguage } = await import('../session.js');
    await chooseLanguage(options.lang as string | undefined).catch((err: unknown) => {
      if (options.lang !== undefined || process.env.LAB_LANG) throw err;
    });
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
  process.stderr.write(`${advice.environment ? advice.message : `Unexpected error: ${advice.message}`}\n`);
  if (advice.hint) process.stderr.write(`${advice.hint}\n`);
  if (debug) process.stderr.write(`${stackOf(err)}\n`);
  else if (!advice.environment) process.stderr.write('Run again with --debug for details.\n');
  return EXIT.usage;
}

function stackOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
