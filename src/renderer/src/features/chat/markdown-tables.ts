/**
 * GFM pipe tables, which agents love (pod lists, cost breakdowns) but plain
 * CommonMark shows as rows of pipes. remark-gfm is not a dependency, so a
 * block is cut into markdown and table segments here and tables are rendered
 * as React elements; cell text still goes through the safe markdown renderer.
 */
export type Align = 'left' | 'center' | 'right' | null;
export type Segment = { kind: 'markdown'; text: string } | { kind: 'table'; header: string[]; align: Align[]; rows: string[][] };

const SEPARATOR_CELL = /^\s*:?-{1,}:?\s*$/;

/** Cells of one table row: outer pipes optional, `\|` is a literal pipe. */
export function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\' && body[i + 1] === '|') {
      current += '|';
      i++;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

const isRow = (line: string | undefined): line is string => line !== undefined && line.includes('|') && line.trim() !== '';

function separatorAlign(line: string, columns: number): Align[] | null {
  const cells = splitRow(line);
  if (cells.length !== columns || !cells.every((cell) => SEPARATOR_CELL.test(cell))) return null;
  return cells.map((cell) => {
    const c = cell.trim();
    if (c.startsWith(':') && c.endsWith(':')) return 'center';
    if (c.endsWith(':')) return 'right';
    if (c.startsWith(':')) return 'left';
    return null;
  });
}

export function segmentTables(block: string): Segment[] {
  if (!block.includes('|')) return [{ kind: 'markdown', text: block }];
  const lines = block.split('\n');
  const segments: Segment[] = [];
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length) segments.push({ kind: 'markdown', text: text.join('\n') });
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1];
    const header = isRow(line) ? splitRow(line) : null;
    const align = header && next !== undefined ? separatorAlign(next, header.length) : null;
    if (!header || !align || header.length < 1) {
      text.push(line);
      continue;
    }
    flushText();
    const rows: string[][] = [];
    i += 2;
    while (i < lines.length && isRow(lines[i])) {
      const cells = splitRow(lines[i] as string);
      rows.push(Array.from({ length: header.length }, (_, c) => cells[c] ?? ''));
      i++;
    }
    i--;
    segments.push({ kind: 'table', header, align, rows });
  }
  flushText();
  return segments;
}
