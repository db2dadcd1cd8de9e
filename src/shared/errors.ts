/**
 * Errors that cross the main↔renderer boundary. Both transports answer every
 * call with an `Envelope`, so a failure keeps its code and message whether it
 * came over IPC or HTTP, and the renderer can show a specific message.
 */
export type ErrorCode =
  | 'invalid_input' // input failed the contract's zod schema
  | 'unknown_method' // not a contract method
  | 'payload_too_large' // web host body cap
  | 'unauthorized' // web host token missing or wrong
  | 'forbidden' // the caller's role may not do this (a viewer calling a mutating method)
  | 'unknown_stream' // not a contract stream, or not one this connection opened
  | 'stream_lost' // the connection carrying a stream went away (renderer side only)
  | 'not_found'
  | 'aws_error' // an AWS (or emulator) call failed; `details.awsCode` names it
  | 'internal';

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toShape(): ApiErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.details);
  }
}
