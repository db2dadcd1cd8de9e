/** Search snippets mark matches with U+E000 … U+E001; they become <mark> elements, never HTML. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a snippet into plain and matched parts. Stray or unbalanced markers are dropped, never shown. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buffer = '';
  const push = (): void => {
    if (buffer === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += buffer;
    else parts.push({ text: buffer, match });
    buffer = '';
  };
  for (const char of snippet) {
    if (char === MATCH_START) {
      if (match) continue;
      push();
      match = true;
    } else if (char === MATCH_END) {
      if (!match) continue;
      push();
      match = false;
    } else buffer += char;
  }
  push();
  return parts;
}

/** Plain text of a snippet, for titles and aria labels. */
export const snippetText = (snippet: string): string =>
  splitSnippet(snippet)
    .map((part) => part.text)
    .join('');
