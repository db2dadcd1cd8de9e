/** Test helper shared by the span generators' unit tests: parse records and check the tree is well formed. */
import { expect } from 'vitest';

export interface ParsedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  start: bigint;
  end: bigint;
  attributes: Record<string, unknown>;
  status: { code: string; message?: string };
}

/** Parses a span record; the nano timestamps are read from the raw text, as JSON numbers would lose digits. */
export function parseSpan(message: string): ParsedSpan {
  const doc = JSON.parse(message) as Omit<ParsedSpan, 'start' | 'end'>;
  const start = /"startTimeUnixNano":(\d+)/.exec(message)![1]!;
  const end = /"endTimeUnixNano":(\d+)/.exec(message)![1]!;
  return { ...doc, start: BigInt(start), end: BigInt(end) };
}

/** One root; every parent exists (bar `orphans`); children sit inside their parents. */
export function expectWellFormed(spans: ParsedSpan[], orphans = 0): void {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  expect(byId.size).toBe(spans.length);
  expect(spans.filter((s) => !s.parentSpanId)).toHaveLength(1);
  let missing = 0;
  for (const s of spans) {
    expect(s.end >= s.start).toBe(true);
    if (!s.parentSpanId) continue;
    const p = byId.get(s.parentSpanId);
    if (!p) {
      missing++;
      continue;
    }
    expect(s.start >= p.start && s.end <= p.end, `${s.name} inside ${p.name}`).toBe(true);
  }
  expect(missing).toBe(orphans);
}
