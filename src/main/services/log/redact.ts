/**
 * Removes secrets from anything about to be logged or sent to the renderer.
 * Keys are matched by name (token, secret, password, authorization, …) and
 * values by shape (AWS access keys, bearer tokens, JWTs), because a secret can
 * hide inside an error message as easily as in a field.
 */
const secretKey = /(token|secret|password|passwd|authorization|credential|cookie|session_?key|private_?key|accesskeyid|clientsecret)/i;
const secretValue: RegExp[] = [
  /\b(AKIA|ASIA|AKID)[A-Z0-9]{12,}\b/g, // AWS access key ids
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\b/g, // JWTs
  /(token=)[^&\s"]+/gi, // tokens in URLs
];

export const REDACTED = '[redacted]';

export function redactString(value: string): string {
  return secretValue.reduce(
    (text, pattern) =>
      text.replace(pattern, (match, prefix: unknown) => (typeof prefix === 'string' && prefix.endsWith('=') ? `${prefix}${REDACTED}` : REDACTED)),
    value,
  );
}

export function redact<T>(value: T, depth = 0): T {
  if (depth > 8) return value;
  if (typeof value === 'string') return redactString(value) as T;
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) } as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] = secretKey.test(key) && inner !== undefined && inner !== null && typeof inner !== 'boolean' ? REDACTED : redact(inner, depth + 1);
    }
    return out as T;
  }
  return value;
}
