/**
 * Metric math, the part dashboards use: arithmetic between query ids and
 * numbers (`100 * errors / invocations`), unary minus, parentheses, and the
 * functions SUM/AVG/MIN/MAX (over arguments or METRICS()), FILL(series, n)
 * and ABS. Anything else yields an error *result* (StatusCode InternalError
 * with a message) rather than failing the call, as CloudWatch does for
 * expressions it cannot evaluate; syntax errors fail the call.
 */

export type Series = Map<number, number>; // timestamp (epoch s) → value
type Value = number | Series;

export class ExpressionSyntaxError extends Error {}
export class ExpressionUnsupportedError extends Error {}

export interface ExpressionEnv {
  series(id: string): Series | undefined;
  /** All MetricStat series of the request, for METRICS(). */
  all(): Series[];
}

const AGGREGATES: Record<string, (xs: number[]) => number> = {
  SUM: (xs) => xs.reduce((a, b) => a + b, 0),
  AVG: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
  MIN: (xs) => Math.min(...xs),
  MAX: (xs) => Math.max(...xs),
};

export function evaluateExpression(source: string, env: ExpressionEnv): Series {
  const tokens = source.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/(),]|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (t: string) => {
    if (tokens[pos] !== t) throw new ExpressionSyntaxError(`expected '${t}' at position ${pos}`);
    pos++;
  };

  const binary = (a: Value, b: Value, op: string): Value => {
    const f = (x: number, y: number) => (op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y);
    if (typeof a === 'number' && typeof b === 'number') return f(a, b);
    const out: Series = new Map();
    if (typeof a === 'number') for (const [t, v] of b as Series) out.set(t, f(a, v));
    else if (typeof b === 'number') for (const [t, v] of a) out.set(t, f(v, b));
    else for (const [t, v] of a) if (b.has(t)) out.set(t, f(v, b.get(t)!));
    for (const [t, v] of out) if (!Number.isFinite(v)) out.delete(t); // x/0 has no datapoint
    return out;
  };

  const args = (): Value[] => {
    expect('(');
    const list: Value[] = [];
    if (peek() !== ')') {
      list.push(...spread(parseExpr()));
      while (peek() === ',') {
        pos++;
        list.push(...spread(parseExpr()));
      }
    }
    expect(')');
    return list;
  };
  const METRICS_MARK = Symbol('metrics');
  type Spreadable = Value | { [METRICS_MARK]: Series[] };
  const spread = (v: Spreadable): Value[] => (typeof v === 'object' && METRICS_MARK in v ? v[METRICS_MARK] : [v as Value]);

  function parseFactor(): Spreadable {
    const t = peek();
    if (t === undefined) throw new ExpressionSyntaxError('unexpected end of expression');
    pos++;
    if (t === '-') return binary(-1, asValue(parseFactor()), '*');
    if (t === '(') {
      const v = parseExpr();
      expect(')');
      return v;
    }
    if (/^\d/.test(t)) return Number(t);
    if (!/^[A-Za-z_]/.test(t)) throw new ExpressionSyntaxError(`unexpected '${t}'`);
    if (peek() !== '(') {
      const s = env.series(t);
      if (!s) throw new ExpressionSyntaxError(`unknown metric id '${t}'`);
      return s;
    }
    const name = t.toUpperCase();
    if (name === 'METRICS') {
      args();
      return { [METRICS_MARK]: env.all() };
    }
    const list = args();
    if (name in AGGREGATES) return aggregate(list, AGGREGATES[name]!);
    if (name === 'FILL' && list.length === 2 && typeof list[1] === 'number' && typeof list[0] !== 'number') return fill(list[0]!, list[1], env.all());
    if (name === 'ABS' && list.length === 1) return map(list[0]!, Math.abs);
    throw new ExpressionUnsupportedError(`The function ${name} is not supported by the emulator`);
  }

  const asValue = (v: Spreadable): Value => {
    const vs = spread(v);
    if (vs.length !== 1) throw new ExpressionSyntaxError('METRICS() can only be used inside a function');
    return vs[0]!;
  };

  function parseTerm(): Spreadable {
    let left = parseFactor();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[pos++]!;
      left = binary(asValue(left), asValue(parseFactor()), op);
    }
    return left;
  }

  function parseExpr(): Spreadable {
    let left = parseTerm();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[pos++]!;
      left = binary(asValue(left), asValue(parseTerm()), op);
    }
    return left;
  }

  const result = asValue(parseExpr());
  if (pos !== tokens.length) throw new ExpressionSyntaxError(`unexpected '${tokens[pos]}'`);
  if (typeof result === 'number') {
    // A constant is drawn across every timestamp the request's metrics have.
    const out: Series = new Map();
    for (const s of env.all()) for (const t of s.keys()) out.set(t, result);
    return out;
  }
  return result;
}

function aggregate(list: Value[], f: (xs: number[]) => number): Series {
  const stamps = new Set<number>();
  for (const v of list) if (typeof v !== 'number') for (const t of v.keys()) stamps.add(t);
  const out: Series = new Map();
  for (const t of stamps) {
    const xs = list.flatMap((v) => (typeof v === 'number' ? [v] : v.has(t) ? [v.get(t)!] : []));
    if (xs.length > 0) out.set(t, f(xs));
  }
  return out;
}

function fill(series: Value, value: number, all: Series[]): Series {
  const out: Series = new Map(series as Series);
  for (const s of all) for (const t of s.keys()) if (!out.has(t)) out.set(t, value);
  return out;
}

function map(v: Value, f: (x: number) => number): Value {
  if (typeof v === 'number') return f(v);
  return new Map([...v].map(([t, x]) => [t, f(x)]));
}
