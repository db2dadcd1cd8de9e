/**
 * The bytes sent to an agent. The agent decides the payload shape (docs/WIRE.md:
 * `{"prompt"}` by default, `{"input":{"prompt"}}` in the wild), so each agent
 * has a template with placeholders, or the user sends raw JSON. Either way
 * the result must be valid JSON — the console sends `application/json`, and a
 * container given broken JSON answers with an opaque 424.
 */
import { DEFAULT_PAYLOAD_TEMPLATE } from '../../../shared/chat';
import { findJsonError } from './json-position';

export class PayloadError extends Error {
  constructor(
    readonly field: 'prompt' | 'template' | 'raw',
    message: string,
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}

export const PLACEHOLDERS = ['prompt', 'sessionId', 'userId'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Names every placeholder the template uses that the console cannot fill. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) unknown.add(name);
  }
  return [...unknown];
}

/**
 * Substitutes placeholders with JSON-escaped values: inside a JSON string
 * (`"{{prompt}}"`) the value is escaped in place; standing alone
 * (`{"prompt": {{prompt}}}`) it becomes a whole JSON string.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  validateTemplate(template);
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    out += template.slice(last, index);
    const value = values[(match[1] ?? '') as Placeholder];
    const quoted = JSON.stringify(value);
    out += insideString(template, index) ? quoted.slice(1, -1) : quoted;
    last = index + match[0].length;
  }
  out += template.slice(last);
  const error = jsonError(out);
  if (error) throw new PayloadError('template', `The payload template does not produce valid JSON: ${error}.`);
  return out;
}

/** Checks a template before it is saved: known placeholders, and valid JSON once filled. */
export function validateTemplate(template: string): void {
  if (!template.trim()) throw new PayloadError('template', 'The payload template is empty. Use {"prompt": "{{prompt}}"} for most agents.');
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) {
    const names = unknown.map((n) => `{{${n}}}`).join(', ');
    throw new PayloadError('template', `Unknown placeholder ${names} in the payload template. Available: {{prompt}}, {{sessionId}}, {{userId}}.`);
  }
  if (!template.includes('{{')) return;
  // Fill with harmless values to find JSON mistakes before the first send.
  let probe = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    probe += template.slice(last, index) + (insideString(template, index) ? 'x' : '"x"');
    last = index + match[0].length;
  }
  probe += template.slice(last);
  const error = jsonError(probe);
  if (error) throw new PayloadError('template', `The payload template is not valid JSON: ${error}.`);
}

/** Raw mode: the user's JSON, sent byte for byte once it parses. */
export function checkRawJson(raw: string): string {
  if (!raw.trim()) throw new PayloadError('raw', 'The raw JSON body is empty.');
  const error = jsonError(raw);
  if (error) throw new PayloadError('raw', `The raw body is not valid JSON: ${error}.`);
  return raw;
}

export function buildPayload(
  input: { mode: 'template' | 'raw'; prompt: string; raw?: string; template?: string },
  values: Omit<TemplateValues, 'prompt'>,
): string {
  if (input.mode === 'raw') return checkRawJson(input.raw ?? '');
  if (!input.prompt.trim()) throw new PayloadError('prompt', 'Type a message first: the prompt is empty.');
  return renderTemplate(input.template ?? DEFAULT_PAYLOAD_TEMPLATE, { ...values, prompt: input.prompt });
}

/** Whether position `index` of `json` falls inside a string literal. */
function insideString(json: string, index: number): boolean {
  let inString = false;
  for (let i = 0; i < index; i++) {
    const c = json[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

/** "line L, column C: reason" for text that is not JSON, or null when it parses. */
export function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const problem = findJsonError(text);
    if (problem) return `line ${problem.line}, column ${problem.column}: ${problem.reason}`;
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a harness is sent: the messages InvokeHarness takes. A harness has no payload template, so raw bodies are for runtimes. */
export function harnessPayload(mode: 'template' | 'raw', prompt: string): string {
  if (mode === 'raw') throw new PayloadError('raw', 'A managed harness takes messages, not a raw payload: switch the composer to the prompt.');
  return JSON.stringify({ messages: [{ role: 'user', content: [{ text: prompt }] }] });
}
