/**
 * Text helpers shared by the demo agents: finding the prompt in the payload
 * shapes seen in the wild, naming what the user asked about (so replies refer
 * to it instead of echoing it), and token estimates for metrics.
 */

/** The prompt from `{"prompt"}`, `{"input":{"prompt"}}`, `{"message"}`, a bare string, or chat `messages`. */
export function extractPrompt(payload: unknown): string | undefined {
  if (typeof payload === 'string') return payload;
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  for (const key of ['prompt', 'message', 'query', 'text', 'question', 'inputText']) {
    if (typeof p[key] === 'string') return p[key];
  }
  if (p.input !== undefined) return extractPrompt(p.input);
  if (Array.isArray(p.messages)) {
    const last = p.messages[p.messages.length - 1] as { content?: unknown } | undefined;
    if (typeof last?.content === 'string') return last.content;
    if (Array.isArray(last?.content)) return (last.content as Array<{ text?: string }>).map((c) => c.text ?? '').join(' ');
  }
  return undefined;
}

/** ~4 characters per token: close enough to Claude's tokenizer for charts and cost estimates. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Splits text into streaming chunks of 1–3 words, keeping whitespace so chunks concatenate exactly. */
export function chunkTokens(text: string, next: () => number): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length;) {
    const n = 1 + Math.floor(next() * 3);
    chunks.push(words.slice(i, i + n).join(''));
    i += n;
  }
  return chunks;
}

const STOP = new Set(
  'a an the and or but to of in on for with about please can could would you your me my i we our is are was be do does did how what why when which who show list tell give make get check help need want this that it its there their them from into at by as'.split(
    ' ',
  ),
);

/** A short noun phrase for what the user asked about: "payment-service latency". */
export function topicOf(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s_.:/-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()));
  const topic = words.slice(0, 5).join(' ');
  return topic || 'your request';
}

/** First matching intent from a keyword table; `fallback` otherwise. */
export function intentOf<T extends string>(prompt: string, table: Array<[T, RegExp]>, fallback: T): T {
  for (const [intent, re] of table) if (re.test(prompt)) return intent;
  return fallback;
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}
