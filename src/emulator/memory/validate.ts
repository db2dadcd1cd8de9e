/**
 * Input validation for the memory data plane, with AWS's exact
 * ValidationException shape (`reason`, `fieldList`) so the console's error
 * rendering sees what real AWS sends.
 */
import { ACTOR_ID_PATTERN, SESSION_ID_PATTERN } from '../../shared/memory';
import { AwsError } from '../core/types';

/** The memory data plane throttles with this name (not ThrottlingException); the fault layer uses it. */
export const MEMORY_THROTTLING_ERROR = 'ThrottledException';

export function validationError(field: string, message: string): AwsError {
  const full = `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${message}`;
  return new AwsError(400, 'ValidationException', full, { reason: 'FieldValidationFailed', fieldList: [{ name: field, message }] });
}

function checkPattern(field: string, value: unknown, pattern: RegExp, patternText: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0) throw validationError(field, 'Member must not be null');
  if (value.length > max) throw validationError(field, `Member must have length less than or equal to ${max}`);
  if (!pattern.test(value)) throw validationError(field, `Member must satisfy regular expression pattern: ${patternText}`);
  return value;
}

export function checkSessionId(value: unknown): string {
  return checkPattern('sessionId', value, SESSION_ID_PATTERN, '[a-zA-Z0-9][a-zA-Z0-9-_]*', 100);
}

export function checkActorId(value: unknown): string {
  return checkPattern('actorId', value, ACTOR_ID_PATTERN, '[a-zA-Z0-9][a-zA-Z0-9-_/]*(?::[a-zA-Z0-9-_/]+)*[a-zA-Z0-9-_/]*', 255);
}

/** maxResults bounds are 1–100 across the memory data plane. */
export function checkMaxResults(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw validationError('maxResults', 'Member must have value between 1 and 100');
  }
  return value;
}
