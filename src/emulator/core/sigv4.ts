/**
 * SigV4 presence check. We don't recompute signatures (the secret is public
 * anyway); we parse the credential scope to learn the caller's region and key,
 * which is what makes per-region fleets and credential faults possible.
 */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

export function parseAuthorization(header: string | undefined): SigV4Scope | 'missing' | 'malformed' | 'bearer' {
  if (!header) return 'missing';
  if (/^Bearer\s+\S/i.test(header)) return 'bearer';
  if (!header.startsWith('AWS4-HMAC-SHA256 ')) return 'malformed';
  const m = SCOPE.exec(header);
  if (!m || !/SignedHeaders=/.test(header) || !/Signature=[0-9a-f]+/.test(header)) return 'malformed';
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! };
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)/i.exec(header) : null;
  return m?.[1];
}
