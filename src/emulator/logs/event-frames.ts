/**
 * `application/vnd.amazon.eventstream` frames for StartLiveTail, encoded by
 * @smithy/eventstream-codec (prelude, headers and CRCs are easy to get subtly
 * wrong by hand, and the SDK's decoder rejects any slip).
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import type { MessageHeaders } from '@smithy/eventstream-codec';

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);

// JSON.stringify escapes lone surrogates (`"\udcff"`), so a line that is not valid UTF-16 still reaches the client as sent.
function frame(headers: MessageHeaders, body: unknown): Uint8Array {
  return codec.encode({ headers, body: new Uint8Array(Buffer.from(JSON.stringify(body), 'utf8')) });
}

export function eventFrame(eventType: string, body: unknown): Uint8Array {
  return frame(
    {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body,
  );
}

export function exceptionFrame(type: string, message: string): Uint8Array {
  return frame(
    {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    { message },
  );
}
