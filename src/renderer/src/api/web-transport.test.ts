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

  it('follows the EventSource through loss and reconnection', () => {
    const transport = webTransport();
    const states: string[] = [];
    transport.onConnection((state) => states.push(state));
    const source = FakeEventSource.instances[0] as FakeEventSource;
    source.onopen?.();
    source.onerror?.();
    source.onopen?.();
    expect(states).toEqual(['connected', 'lost', 'connected']);
  });
});
