// The bound `lab grade` puts on students calling AWS at once: a holder that only waits steps aside, so a
// class whose devices are all silent is not graded one 5-second listen after another.

import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/engine/semaphore.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Semaphore', () => {
  it('never lets more than its limit work at once', async () => {
    const semaphore = new Semaphore(2);
    let working = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 6 }, () => semaphore.use(async () => {
      most = Math.max(most, ++working);
      await tick();
      working--;
    })));
    expect(most).toBe(2);
  });

  it('gives a waiting holder’s place to the next in line, and takes it back after the wait', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    let endWait!: () => void;
    const wait = new Promise<void>((resolve) => (endWait = resolve));
    const listener = semaphore.useWithLease(async (lease) => {
      order.push('listener starts');
      await lease.idle(wait);
      order.push('listener resumes');
    });
    const other = semaphore.use(async () => {
      order.push('other works while the listener waits');
      endWait();
      await tick();
      order.push('other done');
    });
    await Promise.all([listener, other]);
    // The listener queued again behind the other holder: never two at work at once.
    expect(order).toEqual(['listener starts', 'other works while the listener waits', 'other done', 'listener resumes']);
  });

  it('never loses a place to a wait that outlives its task, nor to a holder waiting twice at once', async () => {
    const semaphore = new Semaphore(2);
    let endLate!: () => void;
    const late = new Promise<void>((resolve) => (endLate = resolve));
    let lingering: Promise<void> | undefined;
    // A task that gives up on its wait (a check timed out) while the wait goes on, and two waits at once.
    await semaphore.useWithLease(async (lease) => {
      lingering = lease.idle(late);
      await Promise.all([lease.idle(tick()), lease.idle(tick())]);
    });
    endLate();
    await lingering;
    let working = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 6 }, () => semaphore.useWithLease(async () => {
      most = Math.max(most, ++working);
      await tick();
      working--;
    })));
    // Both places are there, and no more: the lingering wait neither kept one nor added one.
    expect(most).toBe(2);
  });
});
