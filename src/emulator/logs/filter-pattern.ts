/**
 * CloudWatch Logs filter patterns, the subset consoles actually type:
 *   plain terms (all must appear)         ERROR timeout
 *   quoted phrases                        "connection refused"
 *   alternatives (any may appear)         ?ERROR ?WARN
 *   exclusions                            ERROR -healthcheck
 *   regular expressions                   %ERR(OR)?%
 *   JSON selectors                        { $.level = "ERROR" && $.latencyMs > 1000 }
 *     with = != < > <= >=, && || and parentheses, "*" wildcards in strings,
 *     IS NULL / IS TRUE / IS FALSE / NOT EXISTS / EXISTS.
 * Matching is case-sensitive, as in AWS. Space-delimited `[a, b]` patterns are
 * rejected as unsupported rather than silently matching everything.
 */

export class FilterPatternError extends Error {}

export type Matcher = (message: string) => boolean;

interface TextTerm {
  mode: 'and' | 'or' | 'not';
  test: (message: string) => boolean;
}

/** Compile a pattern once; the returned matcher is called per event. */
export function compileFilterPattern(pattern: string | undefined): Matcher {
  const source = (pattern ?? '').trim();
  if (source === '' || source === '""') return () => true;
  if (source.startsWith('{')) {
    if (!source.endsWith('}')) throw new FilterPatternError('Invalid filter pattern: unbalanced "{"');
    const expr = new JsonExprParser(source.slice(1, -1)).parseAll();
    return (message) => {
      const doc = parseJsonObject(message);
      return doc !== undefined && expr(doc);
    };
  }
  if (source.startsWith('[')) throw new FilterPatternError('Invalid filter pattern: space-delimited patterns are not supported by the emulator');
  return compileText(source);
}

function compileText(source: string): Matcher {
  const terms: TextTerm[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let mode: TextTerm['mode'] = 'and';
    if ((ch === '?' || ch === '-') && i + 1 < source.length && !/\s/.test(source[i + 1]!)) {
      mode = ch === '?' ? 'or' : 'not';
      i++;
    }
    const start = source[i]!;
    if (start === '"') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        text += source[i];
        i++;
      }
      if (i >= source.length) throw new FilterPatternError('Invalid filter pattern: unterminated quoted term');
      i++;
      terms.push({ mode, test: (m) => m.includes(text) });
    } else if (start === '%') {
      const end = source.indexOf('%', i + 1);
      if (end < 0) throw new FilterPatternError('Invalid filter pattern: unterminated regular expression');
      let re: RegExp;
      try {
        re = new RegExp(source.slice(i + 1, end));
      } catch {
        throw new FilterPatternError('Invalid filter pattern: bad regular expression');
      }
      i = end + 1;
      terms.push({ mode, test: (m) => re.test(m) });
    } else {
      let text = '';
      while (i < source.length && !/\s/.test(source[i]!)) {
        if ('{}[]"'.includes(source[i]!)) throw new FilterPatternError(`Invalid character(s) in term '${text}${source[i]!}'`);
        text += source[i];
        i++;
      }
      terms.push({ mode, test: (m) => m.includes(text) });
    }
  }
  const all = terms.filter((t) => t.mode === 'and');
  const any = terms.filter((t) => t.mode === 'or');
  const none = terms.filter((t) => t.mode === 'not');
  return (m) => all.every((t) => t.test(m)) && none.every((t) => !t.test(m)) && (any.length === 0 || any.some((t) => t.test(m)));
}

function parseJsonObject(message: string): unknown {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

type Expr = (doc: unknown) => boolean;
type Token = { kind: 'op' | 'str' | 'num' | 'word' | 'sel'; text: string };

const MISSING = Symbol('missing');

/** Recursive-descent parser for the JSON metric-filter language. */
class JsonExprParser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(source: string) {
    this.tokens = tokenizeJson(source);
  }

  parseAll(): Expr {
    if (this.tokens.length === 0) throw new FilterPatternError('Invalid filter pattern: empty JSON expression');
    const expr = this.parseOr();
    if (this.pos !== this.tokens.length) throw new FilterPatternError(`Invalid filter pattern: unexpected '${this.tokens[this.pos]!.text}'`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new FilterPatternError('Invalid filter pattern: unexpected end of expression');
    return t;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.peek()?.text === '||') {
      this.pos++;
      const l = left;
      const r = this.parseAnd();
      left = (d) => l(d) || r(d);
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseUnary();
    while (this.peek()?.text === '&&') {
      this.pos++;
      const l = left;
      const r = this.parseUnary();
      left = (d) => l(d) && r(d);
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.peek()?.text === '(') {
      this.pos++;
      const inner = this.parseOr();
      if (this.take().text !== ')') throw new FilterPatternError('Invalid filter pattern: missing ")"');
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const sel = this.take();
    if (sel.kind !== 'sel') throw new FilterPatternError(`Invalid filter pattern: expected a $. selector, got '${sel.text}'`);
    const get = compileSelector(sel.text);
    const op = this.take();
    if (op.kind === 'word') {
      const word = op.text.toUpperCase();
      if (word === 'EXISTS') return (d) => get(d) !== MISSING;
      if (word === 'NOT' && this.take().text.toUpperCase() === 'EXISTS') return (d) => get(d) === MISSING;
      if (word === 'IS') {
        const what = this.take().text.toUpperCase();
        if (what === 'NULL') return (d) => get(d) === null;
        if (what === 'TRUE') return (d) => get(d) === true;
        if (what === 'FALSE') return (d) => get(d) === false;
      }
      throw new FilterPatternError(`Invalid filter pattern: unexpected '${op.text}'`);
    }
    if (op.kind !== 'op' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text))
      throw new FilterPatternError(`Invalid filter pattern: expected a comparison after ${sel.text}`);
    const value = this.take();
    if (value.kind === 'num') {
      const n = Number(value.text);
      return (d) => {
        const v = get(d);
        if (typeof v !== 'number') return op.text === '!=' && v !== MISSING && typeof v !== 'number';
        return compareNumbers(v, op.text, n);
      };
    }
    if (value.kind !== 'str' && value.kind !== 'word') throw new FilterPatternError(`Invalid filter pattern: bad value '${value.text}'`);
    if (op.text !== '=' && op.text !== '!=') throw new FilterPatternError(`Invalid filter pattern: '${op.text}' needs a number`);
    const re = wildcard(value.text);
    return (d) => {
      const v = get(d);
      if (v === MISSING) return false;
      const matches = (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && re.test(String(v));
      return op.text === '=' ? matches : !matches;
    };
  }
}

function compareNumbers(v: number, op: string, n: number): boolean {
  switch (op) {
    case '=':
      return v === n;
    case '!=':
      return v !== n;
    case '<':
      return v < n;
    case '>':
      return v > n;
    case '<=':
      return v <= n;
    default:
      return v >= n;
  }
}

function wildcard(text: string): RegExp {
  return new RegExp(
    `^${text
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    's',
  );
}

/** `$.a.b[0].c` → getter returning MISSING when any step is absent. */
function compileSelector(selector: string): (doc: unknown) => unknown {
  const steps: Array<string | number> = [];
  const re = /\.([A-Za-z0-9_\-@]+)|\[(\d+)\]/g;
  const rest = selector.slice(1);
  let consumed = 0;
  for (const m of rest.matchAll(re)) {
    if (m.index !== consumed) break;
    steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
    consumed += m[0].length;
  }
  if (consumed !== rest.length || steps.length === 0) throw new FilterPatternError(`Invalid filter pattern: bad selector '${selector}'`);
  return (doc) => {
    let cur: unknown = doc;
    for (const step of steps) {
      if (cur === null || typeof cur !== 'object' || !(step in (cur as object))) return MISSING;
      cur = (cur as Record<string | number, unknown>)[step];
    }
    return cur;
  };
}

function tokenizeJson(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        text += source[i++];
      }
      if (i >= source.length) throw new FilterPatternError('Invalid filter pattern: unterminated string');
      i++;
      tokens.push({ kind: 'str', text });
    } else if (ch === '$') {
      const m = /^\$[A-Za-z0-9_.\-@[\]]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'sel', text: m[0] });
      i += m[0].length;
    } else {
      const two = source.slice(i, i + 2);
      if (['&&', '||', '!=', '<=', '>='].includes(two)) {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if ('=<>()'.includes(ch)) {
        tokens.push({ kind: 'op', text: ch });
        i++;
      } else {
        const m = /^[^\s=<>()!&|"]+/.exec(source.slice(i));
        if (!m) throw new FilterPatternError(`Invalid filter pattern: unexpected '${ch}'`);
        const text = m[0];
        tokens.push({ kind: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? 'num' : 'word', text });
        i += text.length;
      }
    }
  }
  return tokens;
}
