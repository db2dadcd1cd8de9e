/**
 * An incremental Server-Sent Events parser: bytes in, frames out.
 *
 * The SDK hands InvokeAgentRuntime's body over as raw bytes and does not
 * parse SSE (docs/WIRE.md), and agents in the field frame it loosely, so this
 * follows the WHATWG event-stream rules and forgives the rest:
 * - chunks may split anywhere, including inside a multi-byte UTF-8 sequence
 *   (a streaming TextDecoder carries the partial sequence to the next chunk);
 * - LF, CRLF and lone CR all end a line, even when CR and LF arrive in
 *   different chunks;
 * - several `data:` lines join with "\n"; `event:` names the frame; lines
 *   starting with ":" are comments (keep-alives); unknown fields are ignored;
 * - invalid UTF-8 becomes U+FFFD rather than an exception;
 * - a last frame with no blank line before EOF is still delivered by `end()`,
 *   because agents that close the stream right after their final `data:`
 *   line are common and that frame is usually the answer.
 */

export interface SseFrame {
  /** The `event:` field, when the frame had one. */
  event?: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  id?: string;
}

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  /** Decoded text not yet ending in a line terminator. */
  private pending = '';
  /** The previous chunk ended with CR: a leading LF in the next one belongs to it. */
  private skipLeadingLf = false;
  private dataLines: string[] = [];
  private event: string | undefined;
  private id: string | undefined;
  private sawField = false;

  /** Feeds bytes (or already-decoded text); returns the frames they completed. */
  push(chunk: Uint8Array | string): SseFrame[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text);
  }

  /** Flushes the decoder and delivers a trailing frame that had no blank line after it. */
  end(): SseFrame[] {
    const frames = this.consume(this.decoder.decode());
    if (this.pending) {
      this.line(this.pending, frames);
      this.pending = '';
    }
    this.dispatch(frames);
    return frames;
  }

  private consume(text: string): SseFrame[] {
    const frames: SseFrame[] = [];
    let start = 0;
    if (this.skipLeadingLf && text.length > 0) {
      if (text.charCodeAt(0) === 10) start = 1;
      this.skipLeadingLf = false;
    }
    let buffer = this.pending;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = buffer + text.slice(start, i);
      buffer = '';
      this.line(line, frames);
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
    }
    this.pending = buffer + text.slice(start);
    return frames;
  }

  private line(line: string, frames: SseFrame[]): void {
    if (line === '') {
      this.dispatch(frames);
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' */) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        this.sawField = true;
        break;
      case 'event':
        this.event = value;
        this.sawField = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      default:
        // retry: and unknown fields carry nothing a chat needs.
        break;
    }
  }

  private dispatch(frames: SseFrame[]): void {
    if (this.sawField && (this.dataLines.length > 0 || this.event !== undefined)) {
      const frame: SseFrame = { data: this.dataLines.join('\n') };
      if (this.event !== undefined) frame.event = this.event;
      if (this.id !== undefined) frame.id = this.id;
      frames.push(frame);
    }
    this.dataLines = [];
    this.event = undefined;
    this.sawField = false;
  }
}
