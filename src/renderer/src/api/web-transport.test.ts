import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { createApiClient } from './client';
import { webTransport } from './web-transport';

/** A stand-in for the browser's EventSource: records instances and lets the test dispatch named events. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly handlers = new Map<string, Array<(message: { data: string }) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, handler: (message: { data: string }) => void): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  dispatch(name: string, data: string): void {
    for (const handler of this.handlers.get(name) ?? []) handler({ data });
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

const diff = { upserted: [], removed: ['k'], cells: [], asOf: 1 };

describe('web transport', () => {
  it('posts the input as JSON to /api/<method> and unwraps the envelope', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: { theme: 'dark' } })));
    vi.stubGlobal('fetch', fetchMock);
    const api = createApiClient(webTransport());
    await expect(api.call('settings.get', {})).resolves.toEqual({ theme: 'dark' });
    expect(fetchMock).toHaveBeenCalledWith('/api/settings.get', expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{}' }));
  });

  it('rebuilds an ApiError with code and details from an error envelope', async () => {
    const error = { code: 'invalid_input', message: 'bad', details: { issues: [{ path: 'theme', message: 'x' }] } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: false, error }), { status: 400 }));
    const failure = await createApiClient(webTransport())
      .call('settings.set', { theme: 'dark' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject(error);
  });

  it('reports the host as lost when fetch cannot reach it', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const transport = webTransport();
    const states: string[] = [];
    transport.onConnection((state) => states.push(state));
    await expect(createApiClient(transport).call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
    expect(states).toEqual(['lost']);
  });

  it('shares one EventSource, delivers named events, and unsubscribes only the given listener', () => {
    const transport = webTransport();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = transport.on('fleet.changed', first);
    transport.on('fleet.changed', second);
    transport.on('settings.changed', vi.fn());
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0] as FakeEventSource;
    expect(source.url).toBe('/api/events');

    source.dispatch('fleet.changed', JSON.stringify(diff));
    stopFirst();
    source.dispatch('fleet.changed', JSON.stringify(diff));
    source.dispatch('fleet.changed', '{not json');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledWith(diff);
  });

  it('is connected once the host names the connection, and follows it through loss and reconnection', () => {
    const transport = webTransport();
    const states: string[] = [];
    transport.onConnection((state) => states.push(state));
    const source = FakeEventSource.instances[0] as FakeEventSource;
    source.dispatch('hello', JSON.stringify({ connection: 'web:one' }));
    source.onerror?.();
    source.dispatch('hello', JSON.stringify({ connection: 'web:two' }));
    expect(states).toEqual(['connected', 'lost', 'connected']);
  });

  it('sends the connection id with calls, and opens a stream only once the host has named the connection', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: true, result: { opened: true } })));
    vi.stubGlobal('fetch', fetchMock);
    const transport = webTransport();
    const opening = transport.openStream('p-1', 'chat.watch', { sessionId: 's1' });
    await Promise.resolve();
    expect(fetchMock).not.toHaveBeenCalled();
    (FakeEventSource.instances[0] as FakeEventSource).dispatch('hello', JSON.stringify({ connection: 'web:one' }));
    await expect(opening).resolves.toEqual({ ok: true, result: { opened: true } });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/stream/open');
    expect(init.headers).toMatchObject({ 'x-agentcore-connection': 'web:one' });
    expect(JSON.parse(String(init.body))).toEqual({ id: 'p-1', name: 'chat.watch', input: { sessionId: 's1' } });
  });

  it('routes stream frames to their stream, and ends open streams when the connection is lost', async () => {
    const opened: string[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      opened.push((JSON.parse(String(init.body)) as { id: string }).id);
      return new Response(JSON.stringify({ ok: true, result: { opened: true } }));
    });
    const api = createApiClient(webTransport());
    const source = FakeEventSource.instances[0] as FakeEventSource;
    source.dispatch('hello', JSON.stringify({ connection: 'web:one' }));
    const items: string[] = [];
    const ends: unknown[] = [];
    api.stream('chat.watch', { sessionId: 's1' }, (item) => items.push(`first:${JSON.stringify(item)}`), { onEnd: (error) => ends.push(error?.code) });
    api.stream('chat.watch', { sessionId: 's2' }, (item) => items.push(`second:${JSON.stringify(item)}`), { onEnd: (error) => ends.push(error?.code) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toHaveLength(2);
    source.dispatch(
      'stream',
      JSON.stringify([
        { id: opened[1], type: 'item', item: 'b' },
        { id: 'nobody', type: 'item', item: 'stray' },
        { id: opened[0], type: 'item', item: 'a' },
      ]),
    );
    expect(items).toEqual(['second:"b"', 'first:"a"']);
    source.onerror?.();
    expect(ends).toEqual(['stream_lost', 'stream_lost']);
  });
});
