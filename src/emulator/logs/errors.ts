/** CloudWatch Logs error shapes: every client error is HTTP 400 in this service, including ResourceNotFound. */
import { AwsError } from '../core/types';
import { readJsonBody, type JsonObject } from '../kit/json-body';
import type { RequestContext } from '../core/types';
import { compileFilterPattern, FilterPatternError, type Matcher } from './filter-pattern';

export function invalidParameter(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterException', message);
}

export function groupNotFound(): AwsError {
  return new AwsError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
}

export function streamNotFound(): AwsError {
  return new AwsError(400, 'ResourceNotFoundException', 'The specified log stream does not exist.');
}

/** awsJson1_1 rejects unparseable bodies with SerializationException. */
export function readLogsBody(ctx: RequestContext): JsonObject {
  return readJsonBody(ctx, 'SerializationException');
}

export function compilePattern(pattern: string | undefined): Matcher {
  try {
    return compileFilterPattern(pattern);
  } catch (e) {
    if (e instanceof FilterPatternError) throw invalidParameter(e.message);
    throw e;
  }
}

export function checkLimit(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(value)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  }
  return value;
}
