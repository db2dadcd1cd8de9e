/**
 * Request body reading with a size cap. On overflow we keep draining (and
 * discarding) so the client finishes writing and can read our 413 — replying
 * mid-upload makes SDK clients see EPIPE instead of the error.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; size: number };

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = Number(req.headers['content-length'] ?? 0) > maxBytes;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) overflow = true;
      if (!overflow) chunks.push(chunk);
    });
    req.on('end', () => resolve(overflow ? { ok: false, size } : { ok: true, body: Buffer.concat(chunks, size) }));
    req.on('error', reject);
  });
}
