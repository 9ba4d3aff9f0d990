// The reference-solution contract: `solutions/NN-slug/index.ts` default-exports a Solution that
// `lab solve N` deploys.

import type { CheckContext } from './types.js';

/** Every resource a solution creates carries these tags, so reset and instructors can find it. */
export const WORKSHOP_TAGS = { workshop: 'iot-pipeline-labs' } as const;

export interface SolutionContext extends CheckContext {
  tags: Readonly<Record<string, string>>;
  /** Progress lines shown to the student while deploying. */
  log(message: string): void;
  /** Choices a lab's solution offers on the command line, e.g. `lab solve 1 --runtime node`. */
  choices: Readonly<Record<string, string | undefined>>;
}

export interface SolutionResult {
  /** Resources created by this run. */
  created?: string[];
  /** Resources that already existed as the solution wants them. */
  unchanged?: string[];
  /** Resources this run changed to what the solution wants. */
  updated?: string[];
  notes?: string[];
}

export interface Solution {
  /** Idempotent: running it twice leaves the account as running it once. */
  deploy(ctx: SolutionContext): Promise<SolutionResult | void>;
}

export function defineSolution(solution: Solution): Solution {
  return solution;
}
