/**
 * CloudWatch Logs Insights query language, the subset the console sends:
 *   fields a, b [as c]                       display columns
 *   filter <cond>                            = != < > <= >= on numbers and quoted strings,
 *                                            like "substring" | like /regex/, not like,
 *                                            ispresent(f), not, and, or, parentheses
 *   stats agg [as name], … [by f | bin(5m), …]   count(*), count(f), sum, min, max, avg
 *   sort f [asc|desc], …                     (desc by default, as in AWS)
 *   limit n                                  1..10000
 * Commands are case-insensitive and run in order. Anything else is an
 * `InsightsQueryError` naming what is wrong (MalformedQueryException on the wire).
 */

import { fail, InsightsQueryError, tokenize, type Token } from './insights-lex';

export { InsightsQueryError };

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';
export type Expr =
  | { kind: 'field'; name: string }
  | { kind: 'literal'; value: string | number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'like'; subject: Expr; pattern: string | RegExp }
  | { kind: 'present'; field: string }
  | { kind: 'not'; arg: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr };

export type AggFn = 'count' | 'sum' | 'min' | 'max' | 'avg';
export interface Agg {
  fn: AggFn;
  /** undefined: count(*). */
  field?: string;
  name: string;
}
/** A `by` group: a field, or `bin(<n><unit>)` over @timestamp; `name` is its text, the result column. */
export interface GroupBy {
  name: string;
  field?: string;
  binMs?: number;
}

export type Command =
  | { kind: 'fields'; fields: Array<{ field: string; name: string }> }
  | { kind: 'filter'; expr: Expr }
  | { kind: 'stats'; aggs: Agg[]; by: GroupBy[] }
  | { kind: 'sort'; keys: Array<{ field: string; desc: boolean }> }
  | { kind: 'limit'; n: number };

const FUNCTION_AGGS = new Set<AggFn>(['count', 'sum', 'min', 'max', 'avg']);
const MAX_LIMIT = 10_000;

class Parser {
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(what: string): Token {
    const t = this.tokens[this.pos++];
    if (!t) fail(`Expected ${what} but the query ended`);
    return t;
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === p;
  }

  private expectPunct(p: string): void {
    const t = this.next(`'${p}'`);
    if (t.kind !== 'punct' || t.text !== p) fail(`Expected '${p}' but found '${t.text}'`, t.start);
  }

  private fieldName(): string {
    const t = this.next('a field name');
    if (t.kind !== 'ident') fail(`Expected a field name but found '${t.text}'`, t.start);
    return String(t.value);
  }

  private commaList<T>(item: () => T): T[] {
    const items = [item()];
    while (this.isPunct(',')) {
      this.pos++;
      items.push(item());
    }
    return items;
  }

  private optionalAlias(fallback: string): string {
    if (!this.isWord('as')) return fallback;
    this.pos++;
    return this.fieldName();
  }

  parseQuery(): Command[] {
    const commands: Command[] = [];
    while (this.pos < this.tokens.length) {
      commands.push(this.command());
      const t = this.peek();
      if (t === undefined) break;
      if (t.kind !== 'punct' || t.text !== '|') fail(`Unexpected symbol '${t.text}'`, t.start);
      this.pos++;
    }
    if (commands.length === 0) fail('The query is empty');
    return commands;
  }

  private command(): Command {
    const t = this.next('a command');
    const word = t.kind === 'ident' ? t.text.toLowerCase() : '';
    switch (word) {
      case 'fields':
        return {
          kind: 'fields',
          fields: this.commaList(() => {
            const field = this.fieldName();
            return { field, name: this.optionalAlias(field) };
          }),
        };
      case 'filter':
        return { kind: 'filter', expr: this.or() };
      case 'stats':
        return this.stats();
      case 'sort':
        return {
          kind: 'sort',
          keys: this.commaList(() => {
            const field = this.fieldName();
            const dir = this.isWord('asc') || this.isWord('desc') ? this.next('asc or desc').text.toLowerCase() : 'desc';
            return { field, desc: dir === 'desc' };
          }),
        };
      case 'limit': {
        const n = this.next('a number');
        if (n.kind !== 'number' || !Number.isInteger(n.value) || (n.value as number) < 1 || (n.value as number) > MAX_LIMIT)
          fail(`limit takes a whole number from 1 to ${MAX_LIMIT}, found '${n.text}'`, n.start);
        return { kind: 'limit', n: n.value as number };
      }
      default:
        return fail(`Unknown or unsupported command '${t.text}'`, t.start);
    }
  }

  private stats(): Command {
    const aggs = this.commaList((): Agg => {
      const fn = this.next('an aggregate function');
      const name = fn.text.toLowerCase() as AggFn;
      if (fn.kind !== 'ident' || !FUNCTION_AGGS.has(name)) fail(`Unsupported stats function '${fn.text}'`, fn.start);
      this.expectPunct('(');
      let field: string | undefined;
      if (this.isPunct('*')) {
        if (name !== 'count') fail(`${name}(*) is not allowed, only count(*)`, fn.start);
        this.pos++;
      } else field = this.fieldName();
      this.expectPunct(')');
      const text = this.source.slice(fn.start, this.tokens[this.pos - 1]!.end);
      return { fn: name, ...(field !== undefined ? { field } : {}), name: this.optionalAlias(text) };
    });
    const by: GroupBy[] = [];
    if (this.isWord('by')) {
      this.pos++;
      by.push(...this.commaList(() => this.groupBy()));
    }
    return { kind: 'stats', aggs, by };
  }

  private groupBy(): GroupBy {
    const first = this.peek();
    if (this.isWord('bin') && this.tokens[this.pos + 1]?.text === '(') {
      this.pos += 2;
      const d = this.next('a bin size such as 5m');
      if (d.kind !== 'duration' || !((d.value as number) > 0)) fail(`bin() takes a duration such as 5m or 1d, found '${d.text}'`, d.start);
      this.expectPunct(')');
      const name = this.source.slice(first!.start, this.tokens[this.pos - 1]!.end);
      return { name: this.optionalAlias(name), binMs: d.value as number };
    }
    const field = this.fieldName();
    return { name: this.optionalAlias(field), field };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('not')) {
      this.pos++;
      return { kind: 'not', arg: this.not() };
    }
    return this.condition();
  }

  private condition(): Expr {
    if (this.isPunct('(')) {
      this.pos++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (this.isWord('ispresent') && this.tokens[this.pos + 1]?.text === '(') {
      this.pos += 2;
      const field = this.fieldName();
      this.expectPunct(')');
      return { kind: 'present', field };
    }
    const subject = this.operand();
    const t = this.peek();
    if (t?.kind === 'op' && t.text !== '=~') {
      this.pos++;
      return { kind: 'compare', op: t.text as CompareOp, left: subject, right: this.operand() };
    }
    const negated = this.isWord('not') && this.tokens[this.pos + 1]?.text.toLowerCase() === 'like';
    if (negated) this.pos++;
    if (this.isWord('like') || t?.text === '=~') {
      this.pos++;
      const p = this.next('a string or /regex/');
      if (p.kind !== 'string' && p.kind !== 'regex') fail(`like takes a quoted string or a /regex/, found '${p.text}'`, p.start);
      const like: Expr = { kind: 'like', subject, pattern: p.value as string | RegExp };
      return negated ? { kind: 'not', arg: like } : like;
    }
    return fail(t ? `Expected a comparison but found '${t.text}'` : 'Expected a comparison but the query ended', t?.start);
  }

  private operand(): Expr {
    const t = this.next('a field or a value');
    if (t.kind === 'string' || t.kind === 'number') return { kind: 'literal', value: t.value as string | number };
    if (t.kind === 'ident') {
      if (this.isPunct('(')) fail(`Unsupported function '${t.text}'`, t.start);
      return { kind: 'field', name: String(t.value) };
    }
    return fail(`Expected a field or a value but found '${t.text}'`, t.start);
  }
}

export function parseInsightsQuery(source: string): Command[] {
  if (source.trim() === '') fail('The query is empty');
  return new Parser(source, tokenize(source)).parseQuery();
}
