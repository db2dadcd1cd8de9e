/**
 * Splits markdown into top-level blocks at blank lines outside code fences.
 * While a reply streams only its last block changes, so each earlier block
 * keeps its memoized render and the parser only re-reads the tail.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const opener = FENCE.exec(line);
    if (opener) {
      const marker = opener[1] as string;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    }
    if (fence === null && line.trim() === '' && current.length > 0) {
      blocks.push(current.join('\n'));
      current = [];
      continue;
    }
    if (fence === null && line.trim() === '' && current.length === 0) continue;
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

/** Above this size a streaming reply renders as plain text until it completes: parsing megabytes per frame would stall. */
export const STREAMING_MARKDOWN_LIMIT = 60_000;
