/**
 * Writes a handler's Reply to the socket, applying the body-level faults
 * (garbled body, connection dropped mid-stream), and reports what was
 * actually written so records never claim a reply the client did not get.
 * Streams honour backpressure so 200 concurrent SSE invocations don't buffer
 * unboundedly.
 */
import type { ServerResponse } from 'node:http';
import type { Delivery, EmulatedService, Reply } from './types';
import type { FaultDecision } from './faults';
import { contentTypeFor } from './protocol';

const GARBLED = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n';

export async function writeReply(res: ServerResponse, service: EmulatedService, reply: Reply, fault: FaultDecision, requestId: string): Promise<Delivery> {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId, ...lower(reply.headers) };
  if (fault.malformed) {
    // A proxy or crashed container answering instead of the service: not JSON, not what the SDK expects.
    res.writeHead(fault.malformed, { 'content-type': 'text/html', 'x-amzn-requestid': requestId, 'content-length': String(GARBLED.length) });
    res.end(GARBLED);
    return { kind: 'malformed', chunks: 0, bytes: 0 };
  }
  const status = reply.status ?? 200;
  if (reply.stream) {
    headers['content-type'] ??= contentTypeFor(service);
    res.writeHead(status, headers);
    res.flushHeaders();
    return pipeStream(res, reply.stream, fault.dropAfterChunks);
  }
  let payload: Buffer;
  if (reply.body === undefined) payload = Buffer.alloc(0);
  else if (Buffer.isBuffer(reply.body)) payload = reply.body;
  else if (typeof reply.body === 'string' && headers['content-type']) payload = Buffer.from(reply.body);
  else {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= contentTypeFor(service);
  }
  if (fault.dropAfterChunks !== undefined) {
    // Non-streamed body: send the headers and half the bytes, then cut the line.
    headers['content-length'] = String(payload.length);
    res.writeHead(status, headers);
    const half = Math.floor(payload.length / 2);
    res.write(payload.subarray(0, half));
    setImmediate(() => res.destroy());
    return { kind: 'dropped', chunks: 0, bytes: half };
  }
  headers['content-length'] = String(payload.length);
  res.writeHead(status, headers);
  res.end(payload);
  return { kind: 'complete', chunks: 1, bytes: payload.length };
}

async function pipeStream(res: ServerResponse, stream: AsyncIterable<Uint8Array | string>, dropAfter: number | undefined): Promise<Delivery> {
  let chunks = 0;
  let bytes = 0;
  const delivery = (kind: Delivery['kind']): Delivery => ({ kind, chunks, bytes });
  try {
    for await (const chunk of stream) {
      if (res.destroyed) return delivery('client_closed');
      if (dropAfter !== undefined && chunks >= dropAfter) {
        res.destroy(); // client sees the stream die mid-response (ECONNRESET / premature close)
        return delivery('dropped');
      }
      chunks++;
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    if (dropAfter !== undefined) {
      res.destroy();
      return delivery('dropped');
    }
    // A producer that stops because the client left ends quietly; the socket tells which.
    if (res.destroyed) return delivery('client_closed');
    res.end();
    return delivery('complete');
  } catch {
    // The producer failed after headers went out: all we can do is cut the stream like a crashed container.
    res.destroy();
    return delivery('dropped');
  }
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/** Waits for backpressure to clear (or the client to go); removes both listeners either way, so long streams do not pile them up. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
