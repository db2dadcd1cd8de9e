import { describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { silentLogger } from '../services/log/logger';
import { MAX_STREAMS_PER_CONNECTION, StreamHub, type StreamImplementation, type StreamSink } from './stream-hub';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const watch = { sessionId: 's1' };

/** A hub whose `chat.watch` keeps its sinks and whose `chat.reply` refuses like a busy chat. */
function setup() {
  const sinks: StreamSink<unknown>[] = [];
  let replies = 0;
  const hub = new StreamHub(
    {
      'chat.reply': () => {
        replies++;
        throw new ApiError('invalid_input', 'A reply is still streaming in this chat.');
      },
      'chat.watch': (_input: unknown, sink: StreamSink<unknown>) => void sinks.push(sink),
    } as unknown as StreamImplementation,
    silentLogger,
  );
  const connect = (connection: string, options: { role?: 'owner' | 'viewer'; writable?: () => boolean } = {}) => {
    const frames: StreamFrame[] = [];
    const handle = hub.connect({ connection, role: options.role ?? 'owner' }, { send: (batch) => (frames.push(...batch), options.writable?.() ?? true) });
    return { frames, handle };
  };
  return { hub, sinks, connect, replies: () => replies };
}

describe('stream hub', () => {
  it('refuses invalid input with a typed error and opens no stream', async () => {
    const t = setup();
    t.connect('a');
    const envelope = await t.hub.open('a', 's1', 'chat.watch', { sessionId: '' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!envelope.ok && envelope.error.message).toContain('sessionId');
    expect(t.sinks).toHaveLength(0);
    expect(t.hub.openStreams('a')).toEqual([]);
  });

  it('refuses an unknown stream name, a bad or reused id, and a closed connection', async () => {
    const t = setup();
    t.connect('a');
    await expect(t.hub.open('a', 's1', 'logs.everything', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_stream' } });
    await expect(t.hub.open('a', 's1', 'constructor', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_stream' } });
    await expect(t.hub.open('a', 'no spaces', 'chat.watch', watch)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(t.hub.open('a', 's1', 'chat.watch', watch)).resolves.toMatchObject({ ok: true });
    await expect(t.hub.open('a', 's1', 'chat.watch', watch)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(t.hub.open('gone', 's2', 'chat.watch', watch)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_stream' } });
  });

  it('caps the streams one connection may hold open', async () => {
    const t = setup();
    t.connect('a');
    for (let i = 0; i < MAX_STREAMS_PER_CONNECTION; i++) expect((await t.hub.open('a', `s${i}`, 'chat.watch', watch)).ok).toBe(true);
    await expect(t.hub.open('a', 'one-more', 'chat.watch', watch)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns a producer that refuses at open into the open error, with no stream left behind', async () => {
    const t = setup();
    t.connect('a');
    const envelope = await t.hub.open('a', 's1', 'chat.reply', { sessionId: 'x', prompt: 'hi' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'A reply is still streaming in this chat.' } });
    expect(t.replies()).toBe(1);
    expect(t.hub.openStreams('a')).toEqual([]);
  });

  it('delivers items only to the owning connection, in order, then the end', async () => {
    const t = setup();
    const a = t.connect('a');
    const b = t.connect('b');
    await t.hub.open('a', 's1', 'chat.watch', watch);
    const sink = t.sinks[0] as StreamSink<unknown>;
    sink.push({ kind: 'started', n: 1 });
    sink.push({ kind: 'completed', n: 2 });
    sink.end();
    sink.push({ kind: 'late' });
    await tick();
    expect(a.frames).toEqual([
      { id: 's1', type: 'item', item: { kind: 'started', n: 1 } },
      { id: 's1', type: 'item', item: { kind: 'completed', n: 2 } },
      { id: 's1', type: 'end' },
    ]);
    expect(b.frames).toEqual([]);
    expect(t.hub.openStreams('a')).toEqual([]);
  });

  it('ends with the producer error as the reason', async () => {
    const t = setup();
    const a = t.connect('a');
    await t.hub.open('a', 's1', 'chat.watch', watch);
    t.sinks[0]?.end(new ApiError('aws_error', 'ThrottlingException'));
    await tick();
    expect(a.frames).toEqual([{ id: 's1', type: 'end', error: { code: 'aws_error', message: 'ThrottlingException' } }]);
  });

  it('refuses closing a stream twice, or one the caller does not own, leaving the owner’s untouched', async () => {
    const t = setup();
    const a = t.connect('a');
    t.connect('b');
    await t.hub.open('a', 's1', 'chat.watch', watch);
    expect(t.hub.close('b', 's1')).toMatchObject({ ok: false, error: { code: 'unknown_stream' } });
    const sink = t.sinks[0] as StreamSink<unknown>;
    expect(sink.signal.aborted).toBe(false);
    sink.push({ kind: 'delta', text: 'still here' });
    await tick();
    expect(a.frames).toHaveLength(1);
    expect(t.hub.close('a', 's1')).toEqual({ ok: true, result: { closed: true } });
    expect(sink.signal.aborted).toBe(true);
    expect(t.hub.close('a', 's1')).toMatchObject({ ok: false, error: { code: 'unknown_stream' } });
  });

  it('stops the producer at once when its connection drops mid-stream, and tells disconnect listeners', async () => {
    const t = setup();
    const gone: string[] = [];
    t.hub.onDisconnect((connection) => gone.push(connection));
    t.connect('a');
    await t.hub.open('a', 's1', 'chat.watch', watch);
    await t.hub.open('a', 's2', 'chat.watch', watch);
    t.hub.disconnect('a');
    expect(t.sinks.map((s) => s.signal.aborted)).toEqual([true, true]);
    expect(gone).toEqual(['a']);
  });

  it('keeps memory bounded for a consumer that reads nothing: 10,000 items queue at most the capacity, the rest counted as dropped', async () => {
    const t = setup();
    let writable = false;
    const a = t.connect('a', { writable: () => writable });
    await t.hub.open('a', 's1', 'chat.watch', watch);
    const sink = t.sinks[0] as StreamSink<unknown>;
    sink.push({ kind: 'started', n: -1 });
    await tick(); // the first batch goes out; the transport then says it is full
    for (let n = 0; n < 10_000; n++) sink.push({ kind: 'started', n });
    await tick();
    expect(a.frames).toHaveLength(1);
    writable = true;
    (a.handle as { drained(): void }).drained();
    await tick();
    const dropped = a.frames.find((f) => f.type === 'dropped');
    const items = a.frames.filter((f) => f.type === 'item');
    expect(items.length - 1).toBe(64); // chat.watch's capacity: the newest 64 are kept
    expect(dropped).toEqual({ id: 's1', type: 'dropped', count: 10_000 - 64 });
    expect((items.at(-1) as { item: { n: number } }).item.n).toBe(9_999);
  });

  it('coalesces text deltas while the consumer is busy, so a long reply arrives as one item', async () => {
    const t = setup();
    let writable = false;
    const a = t.connect('a', { writable: () => writable });
    await t.hub.open('a', 's1', 'chat.watch', watch);
    const sink = t.sinks[0] as StreamSink<unknown>;
    sink.push({ kind: 'started' });
    await tick();
    for (let n = 0; n < 1_000; n++) sink.push({ kind: 'delta', text: 'x' });
    writable = true;
    a.handle.drained();
    await tick();
    expect(a.frames.slice(1)).toEqual([{ id: 's1', type: 'item', item: { kind: 'delta', text: 'x'.repeat(1_000) } }]);
  });
});
