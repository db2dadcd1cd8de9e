/**
 * Readable text from an agent's raw reply (JSON shapes and SSE frames seen in
 * the wild). Used for bridged agents' InvocationRecords, so logs and memory
 * show what the agent said rather than raw frames.
 */
export function textFromJson(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  const resp = v.response as { content?: Array<{ text?: string }> } | string | undefined;
  if (typeof resp === 'string') return resp;
  if (resp && Array.isArray(resp.content)) return resp.content.map((c) => c.text ?? '').join('');
  const output = v.output as { message?: unknown } | undefined;
  if (output && typeof output.message === 'string') return output.message;
  for (const key of ['result', 'message', 'text', 'content', 'data', 'answer']) if (typeof v[key] === 'string') return v[key];
  const delta = (v.event as { contentBlockDelta?: { delta?: { text?: string } } } | undefined)?.contentBlockDelta?.delta?.text;
  return typeof delta === 'string' ? delta : '';
}

/** Concatenated text of the `data:` payloads in an SSE body. */
export function textFromSse(body: string): string {
  let out = '';
  for (const line of body.split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trimStart();
    try {
      const parsed: unknown = JSON.parse(data);
      // Typed events: only the conversational answer is "what the agent said".
      const type = (parsed as { type?: unknown } | null)?.type;
      if (typeof type === 'string' && type !== 'conversational_response') continue;
      out += textFromJson(parsed);
    } catch {
      out += data;
    }
  }
  return out;
}
