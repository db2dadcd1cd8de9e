/**
 * Turns whatever an SDK call threw into a specific, human message: the AWS
 * error code, the HTTP status, and for bodies the SDK could not parse an
 * excerpt of what the server actually sent. Secrets are scrubbed.
 */
import { redactString } from '../log/redact';

export interface DescribedError {
  code: string;
  message: string;
  status?: number;
  retryable: boolean;
  /** Fields a ValidationException names (`fieldList`), e.g. runtimeSessionId. */
  fields?: string[];
  requestId?: string;
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; body?: unknown };
  $retryable?: unknown;
  fieldList?: Array<{ name?: string; message?: string }>;
}

// CloudWatch is awsQuery-compatible: its throttle arrives as `Throttling` (HTTP 400, named by the x-amzn-query-error header).
const throttling = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);

export function describeAwsError(error: unknown): DescribedError {
  const e = (error ?? {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
  let message = e.message || 'Unknown error';

  // The SDK's own parse failures: name the status and show what came back.
  if (code === 'SyntaxError' || /Deserialization error|Unexpected token|not valid JSON/i.test(message)) {
    const body = bodyExcerpt(e.$response?.body) ?? v8Excerpt(message);
    message = `The service answered${status ? ` HTTP ${status}` : ''} with a body that is not valid JSON${body ? `: ${body.slice(0, 200)}` : ''}.`;
    return { code: 'MalformedResponse', message: redactString(message), status, retryable: status === undefined || status >= 500 };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) message = `DNS lookup failed (${message}). Check the network or the region name.`;
  if (/ECONNREFUSED/.test(message)) message = `Connection refused (${message}).`;
  if (code === 'InvalidSignatureException' && /Signature expired|time/i.test(message)) {
    message = `${message} — your computer's clock may be wrong; AWS rejects requests signed more than 5 minutes off.`;
  }
  const fields = e.fieldList?.map((f) => f.name ?? '').filter(Boolean) ?? [];
  for (const match of message.matchAll(/Value (?:null )?at '([^']+)'/g)) if (match[1] && !fields.includes(match[1])) fields.push(match[1]);
  return {
    code,
    message: redactString(message),
    status,
    retryable: throttling.has(code) || (status !== undefined && status >= 500) || /ECONNRESET|ETIMEDOUT|socket hang up/i.test(message),
    ...(fields.length ? { fields } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
  };
}

/** A body the SDK kept as text or bytes (a consumed stream has nothing left to show). */
function bodyExcerpt(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body.subarray(0, 400)) || undefined;
  return undefined;
}

/** V8 quotes the start of what it failed to parse: `Unexpected token '<', "<html><hea"... is not valid JSON`. */
function v8Excerpt(message: string): string | undefined {
  return /, "(.*?)"(?:\.\.\.)? is not valid JSON/s.exec(message)?.[1];
}

export const isThrottling = (described: DescribedError): boolean => throttling.has(described.code) || described.status === 429;
