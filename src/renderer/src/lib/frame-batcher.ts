/**
 * Collects items pushed at any rate and hands them over once per animation
 * frame. A hidden window gets no animation frames, so a timer backs the frame
 * up: background streams still land, just less often.
 */
export type Schedule = (run: () => void) => () => void;

export const animationFrameSchedule: Schedule = (run) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    run();
  };
  const frame = window.requestAnimationFrame(once);
  const timer = window.setTimeout(once, 250);
  return () => {
    done = true;
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
};

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Hands over what is queued now (e.g. before a state change that must see it). */
  flush(): void;
  dispose(): void;
}

export function createFrameBatcher<T>(deliver: (items: T[]) => void, schedule: Schedule = animationFrameSchedule): FrameBatcher<T> {
  let queue: T[] = [];
  let cancel: (() => void) | null = null;
  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };
  return {
    push(item) {
      queue.push(item);
      cancel ??= schedule(flush);
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      queue = [];
    },
  };
}
