// Deploys reference solutions for a sandbox student in this process (no `lab solve` child per lab):
// clients bound to the student's account, the student's prefix, and lab 0's certificate saved in the
// student's lab home (the solution reads it from LAB_HOME, so deploys run one student at a time).

import { systemClock } from '../../src/engine/clock.js';
import { WORKSHOP_TAGS, type Solution } from '../../src/engine/solution.js';
import { LABS } from '../../src/labs/catalog.js';
import { join } from 'node:path';
import { loadSolution, type Workbook } from '../../src/labs/workbook.js';
import { ROOT } from '../cli/support.js';
import { createClientFactory } from '../../src/target/clients.js';
import { resolveIdentity } from '../../src/target/identity.js';

export interface SandboxStudent {
  account: string;
  prefix: string;
  home: string;
  labs: number[];
}

const solutions = new Map<number, Promise<Solution>>();
/** The compiled solutions (tests run from the sources, the workbook's code is under dist/). */
const WORKBOOK: Workbook = { textDir: ROOT, codeDir: join(ROOT, 'dist') };

export async function deployFor(endpoint: string, student: SandboxStudent): Promise<void> {
  const clients = createClientFactory({ kind: 'local', region: 'us-east-1', endpoint, credentials: { accessKeyId: student.account, secretAccessKey: 'test' } });
  const previousHome = process.env.LAB_HOME;
  process.env.LAB_HOME = student.home;
  try {
    const target = await resolveIdentity(clients);
    for (const n of student.labs) {
      if (!solutions.has(n)) solutions.set(n, loadSolution(WORKBOOK, LABS[n]!));
      await (await solutions.get(n)!).deploy({
        clients,
        target,
        config: { prefix: student.prefix },
        clock: systemClock,
        signal: new AbortController().signal,
        lab: { number: n, slug: LABS[n]!.slug },
        tags: WORKSHOP_TAGS,
        log: () => undefined,
        choices: {},
      });
    }
  } finally {
    if (previousHome === undefined) delete process.env.LAB_HOME;
    else process.env.LAB_HOME = previousHome;
    clients.destroy();
  }
}
