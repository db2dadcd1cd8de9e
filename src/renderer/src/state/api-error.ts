import { ApiError } from '../../../shared/errors';

/** Every failure the renderer shows is an ApiError: transports may still reject with a plain Error. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
