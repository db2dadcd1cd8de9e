/**
 * Reads an invoke's body chunk by chunk into a ReplyBuilder, with the two
 * clocks a chat needs: an idle timeout (nothing arrived for a while — the
 * agent is stuck) and a total timeout (a reply that never ends). Either one,
 * a user's stop, or a dropped connection ends the read with what arrived so
 * far; the caller decides how to label it.
 */

export interface ReplyTimeouts {
  /** No bytes for this long → timeout. Default 300 s. */
  idleMs: number;
  /** The whole reply takes longer than this → timeout. Default 900 s. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: ReplyTimeouts = { idleMs: 300_000, totalMs: 900_000 };

export type ReadEnd =
  { kind: 'complete' } | { kind: 'stopped' } | { kind: 'timeout'; which: 'idle' | 'total'; afterMs: number } | { kind: 'dropped'; message: string };

export interface ReadStats {
  bytes: number;
  chunks: number;
  /** performance.now() of the first body byte. */
  firstByteAt?: number;
}

/** Bytes of a runtime's body, or events of a harness's stream: anything a builder takes one at a time. */
export async function readReply<C extends { length: number } | object = Uint8Array>(
  body: AsyncIterable<C>,
  builder: { push(chunk: C): void },
  options: {
    timeouts: ReplyTimeouts;
    stop: AbortSignal;
    abortRequest: (reason: string) => void;
    now?: () => number;
    /** What a chunk counts toward `bytes`; default its length (bytes of a body). */
    sizeOf?: (chunk: C) => number;
  },
): Promise<{ end: ReadEnd; stats: ReadStats }> {
  const sizeOf = options.sizeOf ?? ((chunk: C) => (chunk as { length?: number }).length ?? 0);
  const now = options.now ?? (() => performance.now());
  const stats: ReadStats = { bytes: 0, chunks: 0 };
  const started = now();
  let timedOut: ReadEnd | undefined;
  const expire = (which: 'idle' | 'total', afterMs: number): void => {
    timedOut ??= { kind: 'timeout', which, afterMs };
    options.abortRequest(`${which} timeout`);
  };
  let idle = setTimeout(() => expire('idle', options.timeouts.idleMs), options.timeouts.idleMs);
  const total = setTimeout(() => expire('total', options.timeouts.totalMs), options.timeouts.totalMs);
  const onStop = (): void => options.abortRequest('stopped');
  options.stop.addEventListener('abort', onStop, { once: true });
  try {
    for await (const chunk of body) {
      if (timedOut || options.stop.aborted) break;
      if (stats.firstByteAt === undefined) stats.firstByteAt = now();
      stats.bytes += sizeOf(chunk);
      stats.chunks++;
      clearTimeout(idle);
      idle = setTimeout(() => expire('idle', options.timeouts.idleMs), options.timeouts.idleMs);
      builder.push(chunk);
    }
    if (timedOut) return { end: timedOut, stats };
    if (options.stop.aborted) return { end: { kind: 'stopped' }, stats };
    return { end: { kind: 'complete' }, stats };
  } catch (error) {
    if (timedOut) return { end: timedOut, stats };
    if (options.stop.aborted) return { end: { kind: 'stopped' }, stats };
    const message = error instanceof Error ? error.message : String(error);
    return { end: { kind: 'dropped', message: `${message} after ${stats.bytes} bytes in ${Math.round(now() - started)} ms` }, stats };
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    options.stop.removeEventListener('abort', onStop);
  }
}
