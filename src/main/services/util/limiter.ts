/**
 * A concurrency limiter: at most `max` tasks run at once, the rest wait in
 * FIFO order. Limiters compose (`a.wrap(b)`), so a call can hold a slot of
 * its region's budget and of the global one.
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`Limiter needs a positive whole number, got ${max}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  /** A run function that takes a slot here, then one in `outer`. */
  within(outer: Limiter): <T>(task: () => Promise<T>) => Promise<T> {
    return (task) => this.run(() => outer.run(task));
  }
}
