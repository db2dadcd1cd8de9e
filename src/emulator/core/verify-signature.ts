/**
 * Strict mode's signature check: recompute the SigV4 signature with the
 * caller's secret using the SDK's own signer (@smithy/signature-v4), so a
 * client that signs wrongly — wrong secret, a body changed after signing, a
 * path encoded differently — fails here the way it would on AWS.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import type { SigV4Scope } from './sigv4';

/** The signer's hash interface on node:crypto (what @smithy/hash-node does, without another dependency). */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array | string): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    return createHmac('sha256', typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as Uint8Array));
  }
}

/** `20261201T120000Z` → Date, or undefined when the header is missing or malformed. */
function amzDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

export async function signatureMatches(req: IncomingMessage, body: Buffer, scope: SigV4Scope, secretAccessKey: string): Promise<boolean> {
  const auth = req.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const provided = /Signature=([0-9a-f]+)/.exec(auth)?.[1];
  const date = amzDate(one(req.headers['x-amz-date']));
  if (!provided || !date) return false;
  // The payload hash header, when sent, is signed: it must also be the hash of the body that arrived.
  const declared = one(req.headers['x-amz-content-sha256']);
  if (declared && declared !== 'UNSIGNED-PAYLOAD' && declared !== createHash('sha256').update(body).digest('hex')) return false;

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const v = req.headers[name];
    if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(',') : v;
  }
  const rawUrl = req.url ?? '/';
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(rawUrl, 'http://emulator.local').searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  const signer = new SignatureV4({
    service: scope.service,
    region: scope.region,
    credentials: { accessKeyId: scope.accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    // Only the headers the client signed take part, so never add one of our own.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method ?? 'GET', protocol: 'http:', hostname: 'emulator.local', path: rawUrl.split('?')[0] ?? '/', query, headers, body },
    { signingDate: date, signingRegion: scope.region, signingService: scope.service },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? ''))?.[1];
  return expected === provided;
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
