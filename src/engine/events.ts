// The events a run emits; reporters subscribe to them and never reach into the runner.

import type { Check, CheckResult, RunnableLab } from './types.js';
import type { LabReport, CheckReport } from './report.js';
import type { TargetInfo } from '../target/target.js';

export type RunEvent =
  | { type: 'run-start'; lab: RunnableLab; target: TargetInfo }
  | { type: 'check-start'; lab: RunnableLab; check: Check }
  | { type: 'check-pending'; lab: RunnableLab; check: Check; result: CheckResult; nextPollAt: number; deadline: number; now: number }
  | { type: 'check-result'; lab: RunnableLab; check: Check; report: CheckReport }
  | { type: 'run-end'; report: LabReport };

export type RunListener = (event: RunEvent) => void;

export class RunEvents {
  private readonly listeners: RunListener[] = [];

  subscribe(listener: RunListener): void {
    this.listeners.push(listener);
  }

  emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
