/**
 * What an agent "said", from whichever shape it answered in.
 *
 * AgentCore does not prescribe a response format, so the agents in the field
 * (docs/WIRE.md, and field reports from AgentCore users) each pick their own: Converse messages, `output`,
 * `result`, bare strings, Strands ConverseStream events, `{"data": token}`
 * generators and typed events whose non-answer types (thinking, workflow
 * steps, tool calls) are progress, not answer text. Anything unrecognised is
 * reported as unknown so the caller can show it as JSON rather than drop it.
 */
import type { ChatStep } from '../../../shared/chat';

export interface Extracted {
  /** Answer text carried by this value ('' when it carries none). */
  text: string;
  step?: ChatStep;
  /** False when no known shape matched. */
  known: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Typed-event `type`s whose payload is the answer itself. */
const ANSWER_TYPES = new Set([
  'conversational_response',
  'text',
  'token',
  'delta',
  'content',
  'message',
  'final',
  'final_response',
  'answer',
  'response',
  'output',
]);
/** Keys that, alone, hold answer text in the simple `{key: "text"}` shapes. */
const TEXT_KEYS = ['result', 'response', 'output', 'message', 'text', 'content', 'answer', 'completion', 'data', 'generated_text'];
/** Strands/ConverseStream events that carry no text but are expected (not "unknown"). */
const SILENT_EVENTS = new Set([
  'messageStart',
  'messageStop',
  'contentBlockStart',
  'contentBlockStop',
  'metadata',
  'init_event_loop',
  'start',
  'start_event_loop',
  'complete',
  'force_stop',
]);

const none: Extracted = { text: '', known: false };
const silent: Extracted = { text: '', known: true };

/** Text of a Converse message content list: `[{text}, {toolUse}, …]`. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content.map((c) => (isObj(c) && typeof c.text === 'string' ? c.text : typeof c === 'string' ? c : '')).filter(Boolean);
  return parts.length > 0 || content.length === 0 ? parts.join('') : undefined;
}

/** A Converse-style message `{role, content}` or a string. */
function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObj(value)) {
    if ('content' in value) return contentText(value.content);
    if (typeof value.text === 'string') return value.text;
    if (isObj(value.message)) return messageText(value.message);
  }
  return undefined;
}

export function extractJson(value: unknown): Extracted {
  if (typeof value === 'string') return { text: value, known: true };
  if (!isObj(value)) return none;

  if (typeof value.type === 'string') return typedEvent(value.type, value);

  // Strands / Bedrock ConverseStream events.
  if (isObj(value.event)) return streamEvent(value.event);

  // {"response":{"role":"assistant","content":[{"text"}]}}, {"output":{"message":…}}, {"result":…} and friends.
  for (const key of TEXT_KEYS) {
    if (!(key in value)) continue;
    const inner = value[key];
    if (typeof inner === 'string') return { text: inner, known: true };
    const text = messageText(inner);
    if (text !== undefined) return { text, known: true };
    if (isObj(inner)) {
      const nested = extractJson(inner);
      if (nested.known) return nested;
    }
  }

  // OpenAI-compatible chunks, as some LangGraph agents forward them.
  if (Array.isArray(value.choices) && isObj(value.choices[0])) {
    const choice = value.choices[0];
    const text = messageText(choice.delta) ?? messageText(choice.message) ?? (typeof choice.text === 'string' ? choice.text : undefined);
    if (text !== undefined) return { text, known: true };
  }
  // Raw Bedrock Converse output: {"output":{"message":{…}}} handled above; {"message":{…}} too.
  return none;
}

function streamEvent(event: Obj): Extracted {
  const delta = isObj(event.contentBlockDelta) ? event.contentBlockDelta.delta : undefined;
  if (isObj(delta)) {
    if (typeof delta.text === 'string') return { text: delta.text, known: true };
    // Reasoning and tool-input deltas arrive token by token: they are progress, not answer text.
    return silent;
  }
  const start = isObj(event.contentBlockStart) ? event.contentBlockStart.start : undefined;
  if (isObj(start) && isObj(start.toolUse)) {
    const name = typeof start.toolUse.name === 'string' ? start.toolUse.name : 'tool';
    return { text: '', known: true, step: { kind: 'tool_use', title: `Calling ${name}` } };
  }
  if (Object.keys(event).some((k) => SILENT_EVENTS.has(k))) return silent;
  return none;
}

function typedEvent(type: string, value: Obj): Extracted {
  const body = firstString(value, ['content', 'message', 'text', 'data', 'response', 'result', 'delta']);
  if (ANSWER_TYPES.has(type)) {
    if (body !== undefined) return { text: body, known: true };
    const nested = messageText(value.message) ?? contentText(value.content);
    return nested !== undefined ? { text: nested, known: true } : silent;
  }
  return { text: '', known: true, step: stepOf(type, value, body) };
}

function stepOf(type: string, value: Obj, body: string | undefined): ChatStep {
  switch (type) {
    case 'agent_thinking':
    case 'thinking':
    case 'reasoning':
      return { kind: 'agent_thinking', title: 'Thinking', ...(body ? { detail: body } : {}) };
    case 'workflow_step': {
      const name = firstString(value, ['step', 'name']) ?? 'step';
      const status = firstString(value, ['status']);
      const title = `${firstString(value, ['message', 'title']) ?? humanize(name)}${status ? ` — ${humanize(status)}` : ''}`;
      return { kind: 'workflow_step', title };
    }
    default: {
      const tool = firstString(value, ['tool_name', 'toolName', 'name', 'tool']);
      const title = tool ? `${humanize(type)}: ${tool}` : humanize(type);
      const rest = { ...value };
      delete rest.type;
      const detail = body ?? (Object.keys(rest).length ? JSON.stringify(rest, null, 2) : undefined);
      return { kind: type, title, ...(detail ? { detail } : {}) };
    }
  }
}

function firstString(value: Obj, keys: string[]): string | undefined {
  for (const key of keys) if (typeof value[key] === 'string') return value[key];
  return undefined;
}

const humanize = (s: string): string => {
  const spaced = s.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/** One SSE frame: JSON payloads by shape, anything else is literal text. */
export function extractSseFrame(data: string, event?: string): Extracted {
  if (event === 'error') return { text: '', known: true, step: { kind: 'error', title: 'Agent reported an error', detail: data } };
  const trimmed = data.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('"') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(data);
      const extracted = extractJson(parsed);
      if (extracted.known) return extracted;
      // An unrecognised event is shown as a step, so nothing the agent sent is hidden.
      return { text: '', known: false, step: { kind: event ?? 'event', title: event ? humanize(event) : 'Event', detail: JSON.stringify(parsed, null, 2) } };
    } catch {
      // Not JSON after all: literal text.
    }
  }
  if (data === '[DONE]') return silent;
  return { text: data, known: true };
}

/**
 * A reply that says the agent's own model call was denied (the runtime still
 * answered 200): seen in the field with global inference profiles.
 */
const MODEL_ACCESS = [
  /don'?t have access to the model/i,
  /AccessDeniedException[^\n]{0,200}\bmodel\b/i,
  /not authorized to perform:?\s*bedrock:(InvokeModel|Converse)/i,
  /model access (is )?(denied|not enabled)/i,
  /You don't have access to the model with the specified model ID/i,
];
export const mentionsModelAccessIssue = (text: string): boolean => MODEL_ACCESS.some((re) => re.test(text));
