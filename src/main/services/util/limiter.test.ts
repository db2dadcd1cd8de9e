import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter';

const deferred = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('Limiter', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 5 }, deferred);
    const results = gates.map((gate, i) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return i;
      }),
    );
    for (const gate of gates) {
      await Promise.resolve();
      gate.resolve();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('bounds nested budgets by the smaller one', async () => {
    const global = new Limiter(3);
    const regionA = new Limiter(2).within(global);
    const regionB = new Limiter(2).within(global);
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
    };
    await Promise.all([...Array.from({ length: 6 }, () => regionA(task)), ...Array.from({ length: 6 }, () => regionB(task))]);
    expect(peak).toBe(3);
  });

  it('rejects a non-positive size', () => {
    expect(() => new Limiter(0)).toThrow(/positive whole number/);
  });

  it('lets a task marked first start before the ones already waiting', async () => {
    const limiter = new Limiter(1);
    const gate = deferred();
    const order: string[] = [];
    const busy = limiter.run(() => gate.promise);
    const queued = ['a', 'b'].map((name) => limiter.run(async () => void order.push(name)));
    const urgent = limiter.run(async () => void order.push('page'), true);
    gate.resolve();
    await Promise.all([busy, ...queued, urgent]);
    expect(order).toEqual(['page', 'a', 'b']);
  });
});
