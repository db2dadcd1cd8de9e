/**
 * Runs a parsed Logs Insights query (insights-parse.ts) over log events. A
 * JSON message's fields are its keys flattened with dots
 * (`attributes.session.id`, `resource.attributes.cloud.resource_id`); every
 * record also has `@timestamp`, `@message`, `@logStream`, `@log`,
 * `@ingestionTime` and `@ptr`, and a record that is not JSON has only those.
 * Commands apply in order, like AWS: `filter` after `stats` filters the
 * aggregated rows. Values come back as strings; times as
 * `YYYY-MM-DD HH:mm:ss.SSS` UTC.
 */
import type { LogEvent, LogGroup } from './events';
import type { Agg, Command, CompareOp, Expr, GroupBy } from './insights-parse';

export interface InsightsSource {
  group: LogGroup;
  stream: string;
  event: LogEvent;
}

/** A time value: compared as a number, shown formatted. */
interface Time {
  ms: number;
}
type Cell = string | number | boolean | Time;
interface Row {
  get(name: string): Cell | undefined;
}

export interface InsightsOutput {
  rows: Array<Array<{ field: string; value: string }>>;
  /** Records that passed the filters (before stats and limit). */
  recordsMatched: number;
}

type Scalar = string | number | boolean;
/** Parsed once per event: a query over a 10,000-span trace re-reads the same records on every poll. */
const flatCache = new WeakMap<LogEvent, Map<string, Scalar> | null>();

function flatFields(event: LogEvent): Map<string, Scalar> | null {
  let fields = flatCache.get(event);
  if (fields !== undefined) return fields;
  fields = null;
  if (event.message.trimStart().startsWith('{')) {
    try {
      const doc: unknown = JSON.parse(event.message);
      if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
        fields = new Map();
        flattenInto(fields, '', doc);
      }
    } catch {
      // not JSON: only the @ fields
    }
  }
  flatCache.set(event, fields);
  return fields;
}

function flattenInto(out: Map<string, Scalar>, prefix: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenInto(out, prefix ? `${prefix}.${k}` : k, v);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.set(prefix, value);
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** `@ptr`: opaque to clients, names the record. */
export function ptrOf(src: InsightsSource): string {
  return Buffer.from(`${src.group.arn}|${src.stream}|${src.event.id}`).toString('base64');
}

class EventRow implements Row {
  constructor(private readonly src: InsightsSource) {}

  get(name: string): Cell | undefined {
    const { event, group, stream } = this.src;
    switch (name) {
      case '@timestamp':
        return { ms: event.timestamp };
      case '@ingestionTime':
        return { ms: event.ingestionTime };
      case '@message':
        return event.message;
      case '@logStream':
        return stream;
      case '@log':
        return `${group.accountId}:${group.name}`;
      case '@ptr':
        return ptrOf(this.src);
      default:
        return flatFields(event)?.get(name);
    }
  }
}

const isTime = (c: Cell): c is Time => typeof c === 'object';
const text = (c: Cell): string => (isTime(c) ? formatTime(c.ms) : String(c));
function num(c: Cell): number {
  if (isTime(c)) return c.ms;
  if (typeof c === 'number') return c;
  if (typeof c === 'string' && c.trim() !== '') return Number(c);
  return NaN;
}
const numeric = (c: Cell): boolean => typeof c === 'number' || isTime(c);

function compare(op: CompareOp, l: Cell, r: Cell): boolean {
  const byNumber = typeof l === 'number' || typeof r === 'number';
  const a = byNumber ? num(l) : text(l);
  const b = byNumber ? num(r) : text(r);
  if (byNumber && (Number.isNaN(a) || Number.isNaN(b))) return op === '!=';
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
}

function valueOf(e: Expr, row: Row): Cell | undefined {
  if (e.kind === 'field') return row.get(e.name);
  if (e.kind === 'literal') return e.value;
  return test(e, row);
}

function test(e: Expr, row: Row): boolean {
  switch (e.kind) {
    case 'and':
      return test(e.left, row) && test(e.right, row);
    case 'or':
      return test(e.left, row) || test(e.right, row);
    case 'not':
      return !test(e.arg, row);
    case 'present':
      return row.get(e.field) !== undefined;
    case 'like': {
      const v = valueOf(e.subject, row);
      if (v === undefined) return false;
      return typeof e.pattern === 'string' ? text(v).includes(e.pattern) : e.pattern.test(text(v));
    }
    case 'compare': {
      const l = valueOf(e.left, row);
      const r = valueOf(e.right, row);
      return l !== undefined && r !== undefined && compare(e.op, l, r);
    }
    default:
      return valueOf(e, row) === true;
  }
}

/** Sort order of two cells, missing values last whatever the direction. */
function order(a: Cell | undefined, b: Cell | undefined, desc: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const d = numeric(a) && numeric(b) ? num(a) - num(b) : text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
  return desc ? -d : d;
}

interface Acc {
  n: number;
  sum: number;
  best?: Cell;
}

function groupValue(row: Row, by: GroupBy): Cell | undefined {
  if (by.binMs === undefined) return row.get(by.field!);
  const t = row.get('@timestamp');
  return t === undefined ? undefined : { ms: Math.floor(num(t) / by.binMs) * by.binMs };
}

function aggregate(rows: Row[], aggs: Agg[], by: GroupBy[]): Row[] {
  const groups = new Map<string, { keys: Array<Cell | undefined>; accs: Acc[] }>();
  for (const row of rows) {
    const keys = by.map((b) => groupValue(row, b));
    const key = keys.map((k) => (k === undefined ? '' : isTime(k) ? `t${k.ms}` : `${typeof k}:${String(k)}`)).join('\u0001');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { keys, accs: aggs.map(() => ({ n: 0, sum: 0 })) }));
    aggs.forEach((agg, i) => {
      const acc = g.accs[i]!;
      const v = agg.field === undefined ? true : row.get(agg.field);
      if (v === undefined) return;
      acc.n++;
      const n = num(v);
      if (!Number.isNaN(n)) acc.sum += n;
      if (
        (agg.fn === 'min' && (acc.best === undefined || order(v, acc.best, false) < 0)) ||
        (agg.fn === 'max' && (acc.best === undefined || order(v, acc.best, true) < 0))
      )
        acc.best = v;
    });
  }
  return [...groups.values()].map(({ keys, accs }) => {
    const out = new Map<string, Cell>();
    by.forEach((b, i) => {
      const k = keys[i];
      if (k !== undefined) out.set(b.name, k);
    });
    aggs.forEach((agg, i) => {
      const acc = accs[i]!;
      const v = agg.fn === 'count' ? acc.n : agg.fn === 'sum' ? acc.sum : agg.fn === 'avg' ? (acc.n > 0 ? acc.sum / acc.n : undefined) : acc.best;
      if (v !== undefined) out.set(agg.name, v);
    });
    return out;
  });
}

function aliased(row: Row, aliases: Map<string, string>): Row {
  return { get: (name) => row.get(aliases.get(name) ?? name) };
}

export function runInsightsQuery(commands: Command[], sources: InsightsSource[], maxRows: number): InsightsOutput {
  // Without a sort, records come newest first and stats groups oldest first (bins in time order).
  const newestFirst = !commands.some((c) => c.kind === 'stats');
  const ordered = [...sources].sort((a, b) => (a.event.id < b.event.id ? 1 : -1) * (newestFirst ? 1 : -1));
  let rows: Row[] = ordered.map((s) => new EventRow(s));
  let columns: string[] | undefined;
  let aggregated = false;
  let recordsMatched = rows.length;
  for (const cmd of commands) {
    if (cmd.kind === 'filter') {
      rows = rows.filter((r) => test(cmd.expr, r));
      if (!aggregated) recordsMatched = rows.length;
    } else if (cmd.kind === 'fields') {
      const aliases = new Map(cmd.fields.filter((f) => f.name !== f.field).map((f) => [f.name, f.field]));
      if (aliases.size > 0) rows = rows.map((r) => aliased(r, aliases));
      columns = [...new Set([...(columns ?? []), ...cmd.fields.map((f) => f.name)])];
    } else if (cmd.kind === 'stats') {
      rows = aggregate(rows, cmd.aggs, cmd.by);
      columns = [...cmd.by.map((b) => b.name), ...cmd.aggs.map((a) => a.name)];
      aggregated = true;
    } else if (cmd.kind === 'sort') {
      const keys = cmd.keys;
      rows = [...rows].sort((a, b) => {
        for (const k of keys) {
          const d = order(a.get(k.field), b.get(k.field), k.desc);
          if (d !== 0) return d;
        }
        return 0;
      });
    } else {
      rows = rows.slice(0, cmd.n);
    }
  }
  const shown = columns ?? ['@timestamp', '@message'];
  const withPtr = aggregated ? shown : [...shown.filter((c) => c !== '@ptr'), '@ptr'];
  return {
    recordsMatched,
    rows: rows.slice(0, maxRows).map((row) =>
      withPtr.flatMap((field) => {
        const v = row.get(field);
        return v === undefined ? [] : [{ field, value: text(v) }];
      }),
    ),
  };
}
