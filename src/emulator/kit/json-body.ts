/**
 * Request-body parsing shared by the JSON protocols. A body the SDK could not
 * have sent (malformed JSON, not an object) is rejected the way AWS does, so
 * the console's error rendering is exercised with realistic shapes.
 */
import { AwsError, type RequestContext } from '../core/types';

export type JsonObject = Record<string, unknown>;

/**
 * Parse `ctx.body` as a JSON object. An empty body is `{}` (restJson1 sends no
 * body when every member is bound to the path or query).
 * `errorType` differs per protocol: restJson1 services answer
 * ValidationException, awsJson services SerializationException.
 */
export function readJsonBody(ctx: RequestContext, errorType = 'ValidationException'): JsonObject {
  const text = ctx.body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError(
      400,
      errorType,
      'Could not parse request body into json: Unexpected character',
      errorType === 'ValidationException' ? { reason: 'CannotParse' } : {},
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError(400, errorType, 'Request body must be a JSON object', errorType === 'ValidationException' ? { reason: 'CannotParse' } : {});
  }
  return parsed as JsonObject;
}

export function optString(body: JsonObject, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

export function optNumber(body: JsonObject, key: string): number | undefined {
  const v = body[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function optBoolean(body: JsonObject, key: string): boolean | undefined {
  const v = body[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function optStringList(body: JsonObject, key: string): string[] | undefined {
  const v = body[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

export function optObject(body: JsonObject, key: string): JsonObject | undefined {
  const v = body[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
