/**
 * Reads an HTTP request body up to a byte cap. Over the cap it keeps draining
 * (and discarding) until the client has finished sending, so the caller's 413
 * reaches a client that is still writing: answering mid-upload makes SDK
 * clients see EPIPE or a reset instead of the error. Memory stays bounded by
 * the cap whatever the client sends.
 */
import type { IncomingMessage } from 'node:http';

/** `size` on overflow is every byte the client sent, for the error message. */
export type CappedBody = { ok: true; body: Buffer } | { ok: false; size: number };

/** Rejects only when the request fails or is closed before its body ends. */
export function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A declared length over the cap is refused up front: nothing of it is kept.
    let overflow = Number(req.headers['content-length'] ?? 0) > maxBytes;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) overflow = true;
      if (!overflow) chunks.push(chunk);
    });
    req.on('end', () => resolve(overflow ? { ok: false, size } : { ok: true, body: Buffer.concat(chunks, size) }));
    req.on('error', reject);
    // After 'end' this is a no-op; before it, the client went away and no body is coming.
    req.on('close', () => reject(new Error('request closed before its body was complete')));
  });
}
