/**
 * Names what went wrong with one load request in the classes a load report
 * counts: throttled (429, ThrottlingException), dependency (424: the agent's
 * own dependency or container failed), server (5xx), timeout (the scenario's
 * per-request limit), client (other 4xx) and network (no HTTP answer).
 */
import type { ErrorClass } from '../../../shared/loadtest';
import { describeAwsError } from '../aws/describe-error';

export interface ClassifiedError {
  errorClass: ErrorClass;
  status: number | null;
  code: string;
  message: string;
}

const THROTTLE_CODES = new Set(['ThrottlingException', 'ThrottledException', 'TooManyRequestsException']);

export function classifyStatus(status: number | null, code = ''): ErrorClass {
  if (status === 429 || THROTTLE_CODES.has(code)) return 'throttled';
  if (status === 424) return 'dependency';
  if (status !== null && status >= 500) return 'server';
  if (status !== null && status >= 400) return 'client';
  return 'network';
}

export function classifyError(error: unknown, timedOut: boolean): ClassifiedError {
  if (timedOut) return { errorClass: 'timeout', status: null, code: 'Timeout', message: 'No complete reply within the scenario’s request timeout.' };
  const d = describeAwsError(error);
  const status = d.status ?? null;
  return { errorClass: classifyStatus(status, d.code), status, code: d.code, message: d.message };
}
