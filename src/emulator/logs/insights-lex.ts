/** The Logs Insights lexer (the grammar is insights-parse.ts): words and dotted field names, quoted strings and `names`, numbers, durations such as 5m, /regexes/, operators. */

export class InsightsQueryError extends Error {}

type TokenKind = 'ident' | 'string' | 'number' | 'duration' | 'regex' | 'op' | 'punct';
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Strings: the unquoted value; durations: ms; regexes: the compiled pattern. */
  value?: string | number | RegExp;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function fail(message: string, at?: number): never {
  throw new InsightsQueryError(at === undefined ? message : `${message} at position ${at + 1}`);
}

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        text += source[i];
        i++;
      }
      if (i >= source.length) fail(`Unterminated ${ch === '`' ? 'backquoted name' : 'string'} starting`, start);
      i++;
      out.push({ kind: ch === '`' ? 'ident' : 'string', text: source.slice(start, i), start, end: i, value: text });
    } else if (ch === '/') {
      let body = '';
      i++;
      while (i < source.length && source[i] !== '/') {
        if (source[i] === '\\' && i + 1 < source.length) body += source[i++];
        body += source[i++];
      }
      if (i >= source.length) fail('Unterminated regular expression starting', start);
      i++;
      const flags = /^[a-z]*/.exec(source.slice(i))![0];
      i += flags.length;
      let re: RegExp;
      try {
        re = new RegExp(body, flags.replace(/[^imsu]/g, ''));
      } catch {
        fail(`Invalid regular expression /${body}/`, start);
      }
      out.push({ kind: 'regex', text: source.slice(start, i), start, end: i, value: re });
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(source[i + 1] ?? '') && !['ident', 'number', 'string'].includes(out.at(-1)?.kind ?? ''))) {
      i++;
      while (i < source.length && /[0-9.]/.test(source[i]!)) i++;
      const digits = source.slice(start, i);
      const unit = /^[a-z]+/i.exec(source.slice(i))?.[0];
      if (unit !== undefined) {
        const ms = UNIT_MS[unit.toLowerCase()];
        if (ms === undefined) fail(`Unknown time unit '${unit}' in '${digits}${unit}'`, start);
        i += unit.length;
        out.push({ kind: 'duration', text: source.slice(start, i), start, end: i, value: Number(digits) * ms });
      } else {
        if (!Number.isFinite(Number(digits))) fail(`Invalid number '${digits}'`, start);
        out.push({ kind: 'number', text: digits, start, end: i, value: Number(digits) });
      }
    } else if (/[A-Za-z_@$]/.test(ch)) {
      while (i < source.length && /[A-Za-z0-9_@$.]/.test(source[i]!)) i++;
      out.push({ kind: 'ident', text: source.slice(start, i), start, end: i, value: source.slice(start, i) });
    } else {
      const two = source.slice(i, i + 2);
      if (['!=', '<=', '>=', '=~'].includes(two)) i += 2;
      else if ('=<>'.includes(ch)) i++;
      else if ('(),*|'.includes(ch)) i++;
      else fail(`Unexpected character '${ch}'`, start);
      const text = source.slice(start, i);
      out.push({ kind: '(),*|'.includes(text) ? 'punct' : 'op', text, start, end: i });
    }
  }
  return out;
}
