// The deletion's live progress in the terminal: one listr2 task per phase (in deletion order) with a
// sub-task per resource showing its steps, then deleted, skipped (why) or failed (AWS's error). In a
// log (no TTY) listr2 prints one line per change instead.

import { Listr, ListrLogger, ProcessOutput, type ListrDefaultRenderer, type ListrSimpleRenderer, type ListrTaskWrapper } from 'listr2';
import type { DeletionEvent, DeletionResult, Phase } from './deleter.js';
import { say, tr } from './messages.js';
import { KIND_LABELS, resourceKey } from './resource.js';
import { typeLabel } from './table.js';

type Task = ListrTaskWrapper<unknown, ListrDefaultRenderer, ListrSimpleRenderer>;

interface Slot {
  done: Promise<DeletionResult>;
  finish(result: DeletionResult): void;
  task?: Task;
  steps: string[];
}

export class DeletionView {
  private readonly slots = new Map<string, Slot>();
  private rendering: Promise<void> = Promise.resolve();

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {}

  start(phases: Phase[]): void {
    const logger = new ListrLogger({ processOutput: new ProcessOutput(this.out, this.out), toStderr: [] });
    for (const phase of phases) for (const r of phase.resources) this.slots.set(resourceKey(r), slot());
    const list = new Listr(
      phases.map((phase) => ({
        title: `${KIND_LABELS[phase.kind].service} ${typeLabel(phase.kind)} (${phase.resources.length})`,
        task: (_: unknown, task: Task) =>
          task.newListr(
            phase.resources.map((resource) => ({
              title: resource.name,
              task: (_ctx: unknown, sub: Task) => this.follow(this.slots.get(resourceKey(resource))!, sub, resource.name),
            })),
            { concurrent: true, exitOnError: false },
          ),
      })),
      {
        concurrent: false,
        exitOnError: false,
        rendererOptions: { collapseErrors: false, collapseSkips: false, collapseSubtasks: false, logger },
        fallbackRendererOptions: { logger },
        fallbackRendererCondition: !this.out.isTTY,
      },
    );
    this.rendering = list.run().then(
      () => undefined,
      () => undefined,
    );
  }

  onEvent(event: DeletionEvent): void {
    if (event.type === 'resource-start') return;
    const key = resourceKey(event.type === 'resource-done' ? event.result.resource : event.resource);
    const s = this.slots.get(key);
    if (!s) return;
    if (event.type === 'resource-step') {
      const message = say(event.message);
      s.steps.push(message);
      if (s.task) s.task.output = message;
    } else {
      s.finish(event.result);
    }
  }

  /** Resolves once every phase has been drawn to the end. */
  finished(): Promise<void> {
    return this.rendering;
  }

  private async follow(s: Slot, task: Task, name: string): Promise<void> {
    s.task = task;
    if (s.steps.length) task.output = s.steps[s.steps.length - 1]!;
    const result = await s.done;
    if (result.status === 'skipped') {
      task.title = tr('progress.skipped', { name });
      return task.skip(`${name}: ${result.say ? say(result.say) : result.reason}`);
    }
    if (result.status === 'failed') {
      task.title = tr('progress.failed', { name });
      // AWS's own error, as AWS words it.
      throw new Error(`${name}: ${result.error!.name}: ${result.error!.message}`);
    }
    task.title = `${tr('progress.deleted', { name })}${result.sayDetail ? ` (${say(result.sayDetail)})` : ''}`;
  }
}

function slot(): Slot {
  let finish!: (result: DeletionResult) => void;
  const done = new Promise<DeletionResult>((resolve) => (finish = resolve));
  return { done, finish, steps: [] };
}
