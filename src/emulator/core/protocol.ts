/**
 * Per-service wire details: content types and the exact error envelope. The
 * SDK picks its typed exception from `x-amzn-errortype` (restJson) or
 * `__type` (awsJson), so getting these right is what lets the console use
 * `instanceof ThrottlingException` against the emulator.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EmulatedService } from './types';
import { AwsError } from './types';

export function contentTypeFor(service: EmulatedService): string {
  if (service === 'logs') return 'application/x-amz-json-1.1';
  if (service === 'monitoring') return 'application/x-amz-json-1.0';
  return 'application/json';
}

const AWS_JSON_NAMESPACE: Partial<Record<EmulatedService, string>> = {
  logs: 'com.amazonaws.logs',
  monitoring: 'com.amazonaws.cloudwatch',
};

export function writeError(res: ServerResponse, service: EmulatedService, err: AwsError, requestId = randomUUID()): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: Record<string, unknown> = { message: err.message, ...err.extra };
  const headers: Record<string, string> = {
    'content-type': contentTypeFor(service),
    'x-amzn-errortype': err.type,
    'x-amzn-requestid': requestId,
  };
  const ns = AWS_JSON_NAMESPACE[service];
  if (ns) body.__type = `${ns}#${err.type}`;
  // CloudWatch speaks awsJson1_0 in query-compatible mode: the SDK takes the
  // error code from this header first.
  if (service === 'monitoring') headers['x-amzn-query-error'] = `${err.type};${err.status >= 500 ? 'Receiver' : 'Sender'}`;
  const json = JSON.stringify(body);
  headers['content-length'] = String(Buffer.byteLength(json));
  res.writeHead(err.status, headers);
  res.end(json);
}

/** Converts anything a handler throws into an AwsError (unknown bugs become 500s, never hangs). */
export function toAwsError(err: unknown): AwsError {
  if (err instanceof AwsError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AwsError(500, 'InternalServerException', `Internal server error: ${message}`);
}

export const errors = {
  validation: (message: string, fieldList?: Array<{ name: string; message: string }>) =>
    new AwsError(400, 'ValidationException', message, fieldList ? { reason: 'FieldValidationFailed', fieldList } : {}),
  notFound: (message: string) => new AwsError(404, 'ResourceNotFoundException', message),
  accessDenied: (message: string) => new AwsError(403, 'AccessDeniedException', message),
  throttling: (type = 'ThrottlingException') => new AwsError(429, type, 'Rate exceeded'),
  internal: (message = 'An internal error occurred. Try your request again.') => new AwsError(500, 'InternalServerException', message),
};
