import { describe, expect, it } from 'vitest';
import { SseParser, type SseFrame } from './sse-parser';

const enc = new TextEncoder();
function parseChunks(chunks: Uint8Array[]): SseFrame[] {
  const parser = new SseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}
function splitAt(bytes: Uint8Array, cut: number): Uint8Array[] {
  return [bytes.subarray(0, cut), bytes.subarray(cut)];
}

describe('SseParser', () => {
  const body = 'event: step\ndata: {"type":"agent_thinking"}\n\n: keep-alive\ndata: héllo 🌍\ndata: second line\n\ndata: last\n\n';
  const expected: SseFrame[] = [{ event: 'step', data: '{"type":"agent_thinking"}' }, { data: 'héllo 🌍\nsecond line' }, { data: 'last' }];

  it('gives the same frames however the bytes are split, including inside multi-byte characters', () => {
    const bytes = enc.encode(body);
    for (let cut = 0; cut <= bytes.length; cut++) expect(parseChunks(splitAt(bytes, cut)), `cut at ${cut}`).toEqual(expected);
    expect(parseChunks([...bytes].map((b) => Uint8Array.of(b)))).toEqual(expected);
  });

  it('accepts CRLF and lone CR line endings, even when CR and LF arrive in different chunks', () => {
    const crlf = enc.encode(body.replace(/\n/g, '\r\n'));
    for (let cut = 0; cut <= crlf.length; cut++) expect(parseChunks(splitAt(crlf, cut))).toEqual(expected);
    expect(parseChunks([enc.encode(body.replace(/\n/g, '\r'))])).toEqual(expected);
  });

  it('delivers a trailing frame that has no blank line before EOF', () => {
    expect(parseChunks([enc.encode('data: one\n\ndata: two')])).toEqual([{ data: 'one' }, { data: 'two' }]);
    expect(parseChunks([enc.encode('data: only\n')])).toEqual([{ data: 'only' }]);
  });

  it('ignores comments, unknown fields and blank runs, and keeps a value without the optional space', () => {
    expect(parseChunks([enc.encode(':comment\n\n\nretry: 10\nfoo: bar\ndata:tight\nid: 7\n\n\n')])).toEqual([{ data: 'tight', id: '7' }]);
  });

  it('decodes invalid UTF-8 as replacement characters instead of throwing', () => {
    const bytes = Uint8Array.from([...enc.encode('data: a'), 0xff, 0xfe, ...enc.encode('b\n\n')]);
    expect(parseChunks([bytes])).toEqual([{ data: 'a\uFFFD\uFFFDb' }]);
    // A multi-byte sequence cut off by EOF is replaced too.
    expect(parseChunks([Uint8Array.from([...enc.encode('data: x'), 0xe2, 0x82])])).toEqual([{ data: 'x\uFFFD' }]);
  });

  it('keeps an empty data line as an empty frame (an agent can send an empty token)', () => {
    expect(parseChunks([enc.encode('data:\n\n')])).toEqual([{ data: '' }]);
  });
});
