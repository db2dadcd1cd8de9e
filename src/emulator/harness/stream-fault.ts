/**
 * The InvokeHarness stream fault knob (`PUT /_emulator/harness`,
 * `emu.setHarnessFault`): request-level faults (throttling, latency, 5xx) are
 * the fault profile's job; this one breaks the event stream itself, after the
 * HTTP 200, which is where a console's stream reader has to cope.
 */
import { z } from 'zod';
import type { HarnessEvent } from './replies';

/** The exception members of InvokeHarnessStreamOutput, spelled as the `:exception-type` header carries them. */
export const STREAM_EXCEPTIONS = ['validationException', 'internalServerException', 'runtimeClientError'] as const;
export type StreamException = (typeof STREAM_EXCEPTIONS)[number];

export const harnessFaultSchema = z
  .object({
    mode: z.enum(['none', 'no_message_stop', 'exception', 'unknown_event']),
    exception: z.enum(STREAM_EXCEPTIONS).optional(),
    afterEvents: z.number().int().min(0).max(10_000).default(3),
    harnessName: z.string().min(1).optional(),
  })
  .strict();

export type HarnessFaultInput = z.input<typeof harnessFaultSchema>;
export type HarnessFault = z.output<typeof harnessFaultSchema>;

export const NO_HARNESS_FAULT: HarnessFault = { mode: 'none', afterEvents: 3 };

export function parseHarnessFault(input: unknown): HarnessFault {
  const parsed = harnessFaultSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`invalid harness fault: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** An event type no SDK knows: it decodes as `$unknown`, which the SDK's stream reader skips. */
export const UNKNOWN_EVENT_TYPE = 'citationDelta';

const EXCEPTION_MESSAGES: Record<StreamException, string> = {
  validationException: 'The model rejected the conversation: messages must alternate between user and assistant roles.',
  internalServerException: 'The harness encountered an internal error while running the agent loop. Try your request again.',
  runtimeClientError: 'Received error (500) from the harness runtime. Check your CloudWatch logs for more information.',
};

/** A frame of the stream before encoding: an event, or the exception that ends it. */
export type StreamItem = HarnessEvent | { exception: StreamException; message: string };

/** The events as the active fault lets them out (the same list when the fault does not apply to this harness). */
export function applyHarnessFault(events: HarnessEvent[], fault: HarnessFault, harnessName: string): StreamItem[] {
  if (fault.mode === 'none' || (fault.harnessName !== undefined && fault.harnessName !== harnessName)) return events;
  const at = Math.min(fault.afterEvents, events.length);
  switch (fault.mode) {
    case 'exception': {
      const exception = fault.exception ?? 'internalServerException';
      return [...events.slice(0, at), { exception, message: EXCEPTION_MESSAGES[exception] }];
    }
    case 'unknown_event':
      return [...events.slice(0, at), { type: UNKNOWN_EVENT_TYPE, body: { contentBlockIndex: 0, citation: { title: 'runbook.md' } } }, ...events.slice(at)];
    case 'no_message_stop':
      return cutBeforeFinalStop(events, fault.afterEvents);
  }
}

/** Keeps the final message's first `textDeltas` text deltas and drops the rest: its block stop, messageStop and metadata. */
function cutBeforeFinalStop(events: HarnessEvent[], textDeltas: number): HarnessEvent[] {
  const lastStart = events.map((e) => e.type).lastIndexOf('messageStart');
  const out = events.slice(0, lastStart + 1);
  let kept = 0;
  for (const e of events.slice(lastStart + 1)) {
    if (e.type !== 'contentBlockDelta' || kept >= Math.max(1, textDeltas)) break;
    out.push(e);
    kept++;
  }
  return out;
}
