/** Record content is text an LLM wrote: some strategies write JSON (preferences), some XML-ish topics (summaries). */
export function prettyRecordText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      return text;
    }
  }
  return text;
}

/** What a record says, without its wrapping: a preference's sentence and context, a summary's topic and text. */
function readable(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as { preference?: unknown; context?: unknown };
      if (typeof value.preference === 'string') return typeof value.context === 'string' ? `${value.preference} — ${value.context}` : value.preference;
    } catch {
      return text;
    }
  }
  const topic = /^<topic name="([^"]*)">([\s\S]*?)<\/topic>$/.exec(trimmed);
  return topic ? `${topic[1]}: ${topic[2]}` : text;
}

/** One line for a table cell. */
export function recordSnippet(text: string, max = 220): string {
  const flat = readable(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
