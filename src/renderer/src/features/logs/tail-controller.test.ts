import { describe, expect, it } from 'vitest';
import type { StreamHandlers } from '../../api/client';
import { ApiError } from '../../../../shared/errors';
import type { LogTailItem } from '../../../../shared/logs';
import type { Schedule } from '../../lib/frame-batcher';
import { TailController } from './tail-controller';
import { testLine } from './test-lines';

/** A client whose streams the test drives, and animation frames that run when the test says. */
function fakes() {
  const opened: Array<{ input: unknown; push: (item: LogTailItem) => void; handlers: StreamHandlers; closed: boolean }> = [];
  let state: 'connected' | 'lost' = 'connected';
  const connectionListeners = new Set<(s: 'connected' | 'lost') => void>();
  const frames: Array<() => void> = [];
  const schedule: Schedule = (run) => {
    frames.push(run);
    return () => frames.splice(frames.indexOf(run), 1);
  };
  const client = {
    stream: (_name: string, input: unknown, onItem: (item: never) => void, handlers: StreamHandlers = {}) => {
      const entry = { input, push: onItem as (item: LogTailItem) => void, handlers, closed: false };
      opened.push(entry);
      return () => void (entry.closed = true);
    },
    connection: () => state,
    onConnection: (listener: (s: 'connected' | 'lost') => void) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
  return {
    client: client as unknown as ConstructorParameters<typeof TailController>[0],
    opened,
    schedule,
    frame: () => frames.splice(0).forEach((run) => run()),
    setConnection: (next: 'connected' | 'lost') => {
      state = next;
      connectionListeners.forEach((l) => l(next));
    },
  };
}

const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => testLine(from + i));
const input = { agentKey: 'p|us-east-1|runtime|a', endpoint: 'DEFAULT' };

describe('TailController', () => {
  it('applies a frame of items at once: lines, mode and notices', () => {
    const f = fakes();
    const tail = new TailController(f.client, input, 100, f.schedule);
    let renders = 0;
    tail.subscribe(() => renders++);
    tail.start();
    expect(f.opened[0]?.input).toEqual(input);
    f.opened[0]?.push({ kind: 'mode', mode: 'polling', reason: 'live tail denied', at: 1 });
    f.opened[0]?.push({ kind: 'lines', seq: 0, lines: lines(0, 3), mode: 'polling' });
    f.opened[0]?.push({ kind: 'notice', level: 'warning', code: 'throttled', message: 'slow down', at: 2 });
    f.opened[0]?.push({ kind: 'notice', level: 'warning', code: 'throttled', message: 'slow down again', at: 3 });
    const before = renders;
    f.frame();
    expect(renders).toBe(before + 1);
    const snap = tail.snapshot();
    expect(snap).toMatchObject({ mode: 'polling', reason: 'live tail denied', lineCount: 3, received: 3 });
    expect(snap.notices.map((n) => n.message)).toEqual(['slow down again']);
    tail.dismissNotice('throttled');
    expect(tail.snapshot().notices).toEqual([]);
  });

  it('holds lines while paused, counts them, and appends them on resume', () => {
    const f = fakes();
    const tail = new TailController(f.client, input, 100, f.schedule);
    tail.start();
    f.opened[0]?.push({ kind: 'lines', seq: 0, lines: lines(0, 2), mode: 'live' });
    f.frame();
    tail.pause();
    f.opened[0]?.push({ kind: 'lines', seq: 2, lines: lines(2, 5), mode: 'live' });
    f.frame();
    expect(tail.snapshot()).toMatchObject({ paused: true, pendingLines: 5, lineCount: 2 });
    tail.resume();
    expect(tail.snapshot()).toMatchObject({ paused: false, pendingLines: 0, lineCount: 7, undelivered: 0 });
  });

  it('keeps a paused backlog within the capacity, counting what it let go', () => {
    const f = fakes();
    const tail = new TailController(f.client, input, 4, f.schedule);
    tail.start();
    tail.pause();
    for (let i = 0; i < 5; i++) f.opened[0]?.push({ kind: 'lines', seq: i * 2, lines: lines(i * 2, 2), mode: 'live' });
    f.frame();
    expect(tail.snapshot().pendingLines).toBe(4);
    tail.resume();
    expect(tail.snapshot()).toMatchObject({ lineCount: 4, droppedOlder: 6, undelivered: 0 });
  });

  it('says why it stopped when the open is refused, and reopens on request', () => {
    const f = fakes();
    const tail = new TailController(f.client, { ...input, filterPattern: '{ bad' }, 100, f.schedule);
    tail.start();
    f.opened[0]?.handlers.onEnd?.(new ApiError('aws_error', 'Invalid filter pattern', { awsCode: 'InvalidParameterException' }));
    expect(tail.snapshot()).toMatchObject({ mode: 'stopped' });
    expect(tail.snapshot().error?.message).toBe('Invalid filter pattern');
    tail.start();
    expect(f.opened).toHaveLength(2);
    expect(tail.snapshot().error).toBeNull();
  });

  it('reconnects after the host connection is lost without repeating the lines it showed', () => {
    const f = fakes();
    let now = 1_700_000_000_000 + 30_000;
    const tail = new TailController(f.client, input, 100, f.schedule, () => now);
    tail.start();
    f.opened[0]?.push({ kind: 'lines', seq: 0, lines: lines(0, 5), mode: 'live' });
    f.frame();
    f.setConnection('lost');
    f.opened[0]?.handlers.onEnd?.(new ApiError('stream_lost', 'gone'));
    expect(tail.snapshot().mode).toBe('reconnecting');
    now += 5_000;
    f.setConnection('connected');
    expect(f.opened).toHaveLength(2);
    // The backfill reaches back to 10 s before the last line shown.
    expect(f.opened[1]?.input).toEqual({ ...input, backfillMs: 35_000 - 4 + 10_000 });
    f.opened[1]?.push({ kind: 'lines', seq: 0, lines: lines(2, 6), mode: 'live' });
    f.frame();
    const shown = tail.snapshot().rows.map((e) => (e.kind === 'line' ? e.line.timestamp - 1_700_000_000_000 : 'gap'));
    expect(shown).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(tail.snapshot().mode).toBe('live');
  });

  it('closes its stream on stop and says nothing more after it', () => {
    const f = fakes();
    const tail = new TailController(f.client, input, 100, f.schedule);
    tail.start();
    tail.stop();
    expect(f.opened[0]?.closed).toBe(true);
  });
});
