// `lab reset [N|all]`: shows what the workshop left in the account (by the workshop tag and the prefix's
// names) and, with --apply and the account id typed back, deletes it in dependency order, writes a JSON
// report, and forgets the reset labs' progress. Without --apply it only reads. It speaks the workbook's
// language (src/reset/messages.ts); the JSON report stays in English.

import { setMaxListeners } from 'node:events';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { LABS, labLabel } from '../labs/catalog.js';
import { findLab } from '../labs/workbook.js';
import { forgetLabs } from '../progress.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine, type TargetInfo } from '../target/target.js';
import { stdout, type Output } from '../output.js';
import { resetContext } from '../reset/context.js';
import { deleteInOrder, phasesOf, type DeletionResult } from '../reset/deleter.js';
import { tr } from '../reset/messages.js';
import { discoverPlan, type Plan } from '../reset/plan.js';
import { buildReport, defaultReportName, writeReport } from '../reset/report.js';
import { DEFAULT_RETRY } from '../reset/retry.js';
import { SERVICE_RESETS } from '../reset/services/index.js';
import { planTable } from '../reset/table.js';

export interface ResetOptions extends GlobalOptions {
  apply?: boolean;
  /** The account id, typed in advance (scripts): the deletion's confirmation. */
  confirmAccount?: string;
  keepDevice?: boolean;
  report?: string;
}

export interface ResetDependencies {
  clock?: Clock;
  out?: Output;
  /** Asks for the account id; undefined when nobody can answer (no terminal). */
  ask?: (question: string) => Promise<string | undefined>;
}

export async function resetLabs(labArg: string | undefined, options: ResetOptions, deps: ResetDependencies = {}): Promise<{ passed: boolean }> {
  const clock = deps.clock ?? systemClock;
  const out = deps.out ?? stdout;
  const labs = labArg === undefined || labArg === 'all' ? LABS.map((l) => l.number) : [findLab(labArg).number];
  if (options.confirmAccount !== undefined && !options.apply) throw new UsageError(tr('refuse.confirmWithoutApply'));
  const session = await openSession(options);
  const { clients, target } = await connect(session);
  const controller = new AbortController();
  // Every concurrent AWS call listens to the one signal.
  setMaxListeners(0, controller.signal);
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    out.line(headerLine(target));
    const prefix = session.config.prefix;
    const keepDevice = Boolean(options.keepDevice);
    const protectedAccount = (session.config['protected-accounts'] ?? []).includes(target.accountId);
    if (options.apply && protectedAccount) {
      throw new UsageError(tr('refuse.protected', { account: target.accountId }));
    }
    out.line(tr('looking', { prefix, labs: labsLabel(labs), keeping: keepDevice ? tr('keepingDevice') : '' }));
    const ctx = resetContext({ clients, target, prefix, home: session.home, clock, signal: controller.signal, retry: DEFAULT_RETRY });
    const plan = await discoverPlan(ctx, SERVICE_RESETS, { labs, keepDevice });
    out.line();
    for (const line of planTable(plan)) out.line(line);
    out.line();
    const now = new Date(clock.now());
    const reportFile = options.report ? (isAbsolute(options.report) ? options.report : resolve(options.report)) : join(session.home, defaultReportName(now));
    const report = (results?: DeletionResult[]) => buildReport({ target, prefix, labs, keepDevice, plan, results, now: new Date(clock.now()) });

    if (!options.apply) {
      await writeReport(reportFile, report());
      out.line(protectedAccount ? tr('dryRun.protected', { account: target.accountId }) : dryRunLine(plan));
      out.line(tr('report', { file: reportFile }));
      return { passed: plan.failures.length === 0 };
    }
    if (plan.resources.length > 0) await confirm(target, plan, options, deps);

    let results: DeletionResult[] = [];
    if (plan.resources.length > 0) {
      const { DeletionView } = await import('../reset/progress-view.js');
      const view = new DeletionView();
      view.start(phasesOf(plan.resources));
      results = await deleteInOrder(plan.resources, ctx, SERVICE_RESETS, { onEvent: (e) => view.onEvent(e) });
      await view.finished();
    }
    const written = report(results);
    await writeReport(reportFile, written);
    await forgetLabs(session.home, target, labs);
    out.line();
    out.line(tr('done.counts', { deleted: written.deleted.length, skipped: written.skipped.length, failed: written.failed.length }) + (written.failed.length ? tr('done.failures') : ''));
    out.line(tr('done.forgotten', { labs: labsLabel(labs), account: target.accountId, file: reportFile }));
    return { passed: written.failed.length === 0 && plan.failures.length === 0 };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

function labsLabel(labs: readonly number[]): string {
  return labs.length === LABS.length ? tr('allLabs') : labs.map((n) => labLabel(LABS[n]!)).join(', ');
}

function dryRunLine(plan: Plan): string {
  if (plan.resources.length === 0) return tr('dryRun.nothing');
  return tr('dryRun.planned', { count: plan.resources.length });
}

/** The account id, typed: from --confirm-account in scripts, else asked at the terminal. */
async function confirm(target: TargetInfo, plan: Plan, options: ResetOptions, deps: ResetDependencies): Promise<void> {
  let typed = options.confirmAccount;
  if (typed === undefined) {
    const ask = deps.ask ?? askAtTerminal;
    typed = await ask(tr('question', { account: target.accountId, count: plan.resources.length }));
    if (typed === undefined) throw new UsageError(tr('refuse.unconfirmed', { account: target.accountId }));
  }
  if (typed.trim() !== target.accountId) {
    throw new UsageError(tr('refuse.wrongAccount', { typed: typed.trim(), account: target.accountId }));
  }
}

async function askAtTerminal(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const { input } = await import('@inquirer/prompts');
  return input({ message: question });
}
