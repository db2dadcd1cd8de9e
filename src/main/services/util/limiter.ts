/**
 * A concurrency limiter: at most `max` tasks run at once, the rest wait in
 * FIFO order (a task may ask to go first). Limiters compose (`a.wrap(b)`), so a call can hold a slot of
 * its region's budget and of the global one.
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`Limiter needs a positive whole number, got ${max}`);
  }

  /** `first`: waits at the head of the queue, not the tail (a page fetch that more work depends on). */
  async run<T>(task: () => Promise<T>, first = false): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => (first ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  /** A run function that takes a slot here, then one in `outer`. */
  within(outer: Limiter): <T>(task: () => Promise<T>, first?: boolean) => Promise<T> {
    return (task, first = false) => this.run(() => outer.run(task, first), first);
  }
}
