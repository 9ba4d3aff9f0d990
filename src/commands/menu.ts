// `lab` with no arguments: an interactive menu to pick a lab, read it, check it or get a hint.

import type { Command } from 'commander';
import { describeError } from '../errors.js';
import { LABS } from '../labs/catalog.js';
import { labTitle } from '../labs/workbook.js';
import { cliText } from '../cli/messages.js';
import { t } from '../i18n/index.js';
import { loadProgress, latestFor } from '../progress.js';
import { openSession, type GlobalOptions } from '../session.js';
import { stderr } from '../output.js';
import { checkLabs } from './check.js';
import { openLab } from './open.js';
import { revealHint } from './hint.js';

type Action = 'read' | 'check' | 'hint' | 'back';

export async function runMenu(options: GlobalOptions): Promise<void> {
  const { select } = await import('@inquirer/prompts');
  try {
    for (;;) {
      const session = await openSession(options);
      const progress = await loadProgress(session.home);
      const lab = await select<number | 'quit'>({
        message: cliText('menu.pickLab'),
        choices: [
          ...(await Promise.all(
            LABS.map(async (l) => {
              const latest = latestFor(progress, session.settings.kind, l.number);
              const title = await labTitle(session.workbook, l, session.language);
              return { name: `${l.number}  ${title}${latest ? `  (${t(`list.status.${latest.status}`)} ${latest.score}/${latest.maxScore})` : ''}`, value: l.number };
            }),
          )),
          { name: cliText('menu.quit'), value: 'quit' as const },
        ],
      });
      if (lab === 'quit') return;
      for (let action: Action = 'read'; action !== 'back'; ) {
        action = await select<Action>({
          message: cliText('menu.lab', { number: lab }),
          choices: [
            { name: cliText('menu.read'), value: 'read' },
            { name: cliText('menu.check'), value: 'check' },
            { name: cliText('menu.hint'), value: 'hint' },
            { name: cliText('menu.back'), value: 'back' },
          ],
        });
        if (action !== 'back') await reportingErrors(() => perform(action, String(lab), options));
      }
    }
  } catch (err) {
    // Ctrl-C inside a prompt ends the menu quietly.
    if (err instanceof Error && err.name === 'ExitPromptError') return;
    throw err;
  }
}

function perform(action: Exclude<Action, 'back'>, lab: string, options: GlobalOptions): Promise<unknown> {
  if (action === 'read') return openLab(lab, options);
  if (action === 'check') return checkLabs(lab, options);
  return revealHint(lab, undefined);
}

// Inside the menu a problem is shown and the menu goes on; the entry's exit codes are for one-shot commands.
async function reportingErrors(task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (err) {
    const advice = describeError(err);
    stderr.line(advice.message);
    if (advice.hint) stderr.line(advice.hint);
  }
}

/** Opens the menu, or prints the help when there is no terminal to drive it. */
export async function openMenu(program: Command): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    program.outputHelp();
    return;
  }
  await runMenu(program.opts<GlobalOptions>());
}
