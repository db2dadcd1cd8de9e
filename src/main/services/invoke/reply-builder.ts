/**
 * Turns a reply's bytes, as they arrive, into chat text, steps and a raw copy.
 *
 * The mode is picked from the content type and, when that says little
 * (`application/octet-stream` is common from containers), from the first
 * bytes: SSE is parsed frame by frame; plain text streams through as it
 * comes; a JSON document is only meaningful once complete, so it is
 * collected and its shape read at the end (with a JSON Lines fallback);
 * binary bodies get a placeholder and a hex excerpt instead of mojibake.
 */
import type { ChatMessage, ChatStep } from '../../../shared/chat';
import { extractJson, extractSseFrame, mentionsModelAccessIssue, type Extracted } from './extract-text';
import { SseParser } from './sse-parser';

export interface BuiltReply {
  text: string;
  steps: ChatStep[];
  format: NonNullable<ChatMessage['format']>;
  raw: string;
  rawTruncated: boolean;
  modelAccessIssue: boolean;
}

export interface ReplyBuilderOptions {
  contentType?: string;
  /** Raw text kept for the "raw" toggle; the full text is always kept. */
  rawCapChars?: number;
  maxSteps?: number;
  onDelta?: (text: string, steps: ChatStep[]) => void;
}

type Mode = 'undecided' | 'sse' | 'text' | 'json' | 'binary';

const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-tar|x-protobuf|vnd\.amazon\.eventstream)/i;
const HEX_EXCERPT_BYTES = 1024;

export class ReplyBuilder {
  private mode: Mode;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private readonly sse = new SseParser();
  private readonly rawCap: number;
  private readonly maxSteps: number;
  private text = '';
  private json = '';
  private steps: ChatStep[] = [];
  private raw = '';
  private rawTruncated = false;
  private bytes = 0;
  private hex = '';
  private unknownFrames = 0;
  private format: BuiltReply['format'];

  constructor(private readonly options: ReplyBuilderOptions = {}) {
    const type = (options.contentType ?? '').toLowerCase();
    this.rawCap = options.rawCapChars ?? 1_000_000;
    this.maxSteps = options.maxSteps ?? 1000;
    this.format = type.startsWith('text/plain') ? 'text' : 'markdown';
    if (type.includes('text/event-stream')) this.mode = 'sse';
    else if (BINARY_TYPES.test(type)) this.mode = 'binary';
    else if (type.includes('json') && !type.includes('jsonl') && !type.includes('ndjson')) this.mode = 'json';
    else if (type.startsWith('text/')) this.mode = 'text';
    else this.mode = 'undecided';
  }

  push(chunk: Uint8Array): void {
    if (this.mode !== 'binary' && this.bytes < 65_536 && chunk.includes(0)) this.mode = 'binary';
    this.bytes += chunk.length;
    if (this.mode === 'binary') {
      if (this.hex.length < HEX_EXCERPT_BYTES * 3) this.hex += hexOf(chunk.subarray(0, HEX_EXCERPT_BYTES - this.hex.length / 3));
      return;
    }
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  /** The reply so far, with the body ended (complete or not). */
  end(): BuiltReply {
    if (this.mode !== 'binary') this.feed(this.decoder.decode());
    if (this.mode === 'sse') for (const frame of this.sse.end()) this.apply(extractSseFrame(frame.data, frame.event));
    if (this.mode === 'json' || this.mode === 'undecided') this.finishJson();
    if (this.mode === 'binary') {
      const kind = this.options.contentType || 'unknown type';
      this.text = `[Binary response: ${this.bytes.toLocaleString('en-US')} bytes of ${kind}. It cannot be shown as text; the raw view has a hex excerpt of the first ${Math.min(this.bytes, HEX_EXCERPT_BYTES)} bytes.]`;
      this.raw = this.hex.trim();
      this.rawTruncated = this.bytes > HEX_EXCERPT_BYTES;
      this.format = 'text';
    }
    if (this.mode === 'sse' && !this.text && this.unknownFrames > 0) this.format = 'markdown';
    return {
      text: this.text,
      steps: this.steps,
      format: this.format,
      raw: this.raw,
      rawTruncated: this.rawTruncated,
      modelAccessIssue: this.mode !== 'binary' && (mentionsModelAccessIssue(this.text) || mentionsModelAccessIssue(this.raw.slice(0, 200_000))),
    };
  }

  private feed(decoded: string): void {
    if (!decoded) return;
    this.keepRaw(decoded);
    if (this.mode === 'undecided') {
      const first = decoded.trimStart()[0];
      if (first === undefined) {
        this.json += decoded; // only whitespace so far
        return;
      }
      this.mode = first === '{' || first === '[' || first === '"' ? 'json' : 'text';
      if (this.mode === 'text') {
        decoded = this.json + decoded;
        this.json = '';
      }
    }
    switch (this.mode) {
      case 'sse':
        for (const frame of this.sse.push(decoded)) this.apply(extractSseFrame(frame.data, frame.event));
        break;
      case 'text':
        this.apply({ text: decoded, known: true });
        break;
      default:
        this.json += decoded;
    }
  }

  private finishJson(): void {
    const body = this.json;
    this.json = '';
    if (!body.trim()) return;
    try {
      this.applyDocument(JSON.parse(body));
      return;
    } catch {
      // not one document: maybe JSON Lines, else plain text
    }
    const lines = body.split(/\r?\n/).filter((l) => l.trim());
    const parsed = lines.map(tryJson);
    if (lines.length > 1 && parsed.every((p) => p !== undefined)) {
      for (const value of parsed) this.apply(extractJson(value));
      return;
    }
    this.apply({ text: body, known: true });
  }

  private applyDocument(value: unknown): void {
    const extracted = extractJson(value);
    if (extracted.known) {
      this.apply(extracted);
      return;
    }
    // No known shape: show the JSON itself, readably.
    this.format = 'json';
    this.apply({ text: JSON.stringify(value, null, 2), known: true });
  }

  private apply(extracted: Extracted): void {
    if (!extracted.known && extracted.step) this.unknownFrames++;
    const steps = extracted.step && this.steps.length < this.maxSteps ? [extracted.step] : [];
    if (steps.length) this.steps.push(...steps);
    if (extracted.text) this.text += extracted.text;
    if (extracted.text || steps.length) this.options.onDelta?.(extracted.text, steps);
  }

  private keepRaw(decoded: string): void {
    if (this.raw.length >= this.rawCap) {
      this.rawTruncated = true;
      return;
    }
    const room = this.rawCap - this.raw.length;
    this.raw += decoded.length > room ? decoded.slice(0, room) : decoded;
    if (decoded.length > room) this.rawTruncated = true;
  }
}

function tryJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0') + ' ';
  return out;
}
