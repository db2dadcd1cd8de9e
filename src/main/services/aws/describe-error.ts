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
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; body?: unknown };
  $retryable?: unknown;
}

const throttling = new Set(['ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);

export function describeAwsError(error: unknown): DescribedError {
  const e = (error ?? {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
  let message = e.message || 'Unknown error';

  // The SDK's own parse failures: name the status and show what came back.
  if (code === 'SyntaxError' || /Deserialization error|Unexpected token|not valid JSON/i.test(message)) {
    const body = typeof e.$response?.body === 'string' ? e.$response.body : '';
    message = `The service answered${status ? ` HTTP ${status}` : ''} with a body that is not valid JSON${body ? `: ${body.slice(0, 200)}` : ''}.`;
    return { code: 'MalformedResponse', message: redactString(message), status, retryable: status === undefined || status >= 500 };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) message = `DNS lookup failed (${message}). Check the network or the region name.`;
  if (/ECONNREFUSED/.test(message)) message = `Connection refused (${message}).`;
  if (code === 'InvalidSignatureException' && /Signature expired|time/i.test(message)) {
    message = `${message} — your computer's clock may be wrong; AWS rejects requests signed more than 5 minutes off.`;
  }
  return {
    code,
    message: redactString(message),
    status,
    retryable: throttling.has(code) || (status !== undefined && status >= 500) || /ECONNRESET|ETIMEDOUT|socket hang up/i.test(message),
  };
}

export const isThrottling = (described: DescribedError): boolean => throttling.has(described.code) || described.status === 429;
