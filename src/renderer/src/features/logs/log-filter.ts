/**
 * The client-side view of a log list: the highlight (text, or `/regex/flags`)
 * and the level filter. Both run over every loaded line whenever they
 * change, so they stay one tight pass: a text needle is one precompiled
 * case-insensitive regex (V8 scans it as fast as `includes`, with no
 * lowercased copy of 100,000 messages to build or keep), and the level is a
 * Set lookup.
 */
import type { LogLevel } from '../../../../shared/logs';
import type { LineEntry, LogEntry } from './log-entry';

/** A line is marked at most this many times; a pattern matching every character must not make thousands of nodes. */
export const MAX_MARKS = 64;

export interface Matcher {
  test(entry: LineEntry): boolean;
  /** [start, end) of the matches in `text`, in order, at most MAX_MARKS. */
  ranges(text: string): Array<[number, number]>;
}

export type CompiledHighlight = { matcher: Matcher | null; error: null } | { matcher: null; error: string };

const REGEX = /^\/(.+)\/([a-z]*)$/s;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regexMatcher(pattern: RegExp): Matcher {
  // Two copies: `test` must not carry lastIndex from one line to the next, `ranges` needs the g flag.
  const single = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return {
    test: (entry) => single.test(entry.line.message),
    ranges(text) {
      const out: Array<[number, number]> = [];
      global.lastIndex = 0;
      for (let m = global.exec(text); m && out.length < MAX_MARKS; m = global.exec(text)) {
        // An empty match marks nothing and must still move on.
        if (m[0].length === 0) global.lastIndex++;
        else out.push([m.index, m.index + m[0].length]);
      }
      return out;
    },
  };
}

/** Reads the highlight field: '' is none, `/…/flags` a regex (an invalid one says why), anything else case-insensitive text. */
export function compileHighlight(input: string): CompiledHighlight {
  if (input.trim() === '') return { matcher: null, error: null };
  const regex = REGEX.exec(input);
  if (!regex) return { matcher: regexMatcher(new RegExp(escapeRegex(input), 'i')), error: null };
  try {
    return { matcher: regexMatcher(new RegExp(regex[1] ?? '', regex[2])), error: null };
  } catch (error) {
    return {
      matcher: null,
      error: `Not a valid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`,
    };
  }
}

export interface LineFilter {
  /** null: every level. */
  levels: ReadonlySet<LogLevel> | null;
  matcher: Matcher | null;
  /** Hide lines the matcher does not match (with no matcher, nothing is hidden). */
  onlyMatching: boolean;
}

export const NO_FILTER: LineFilter = { levels: null, matcher: null, onlyMatching: false };

export const filterHides = (filter: LineFilter): boolean => filter.levels !== null || (filter.onlyMatching && filter.matcher !== null);

/** The entries the filter keeps, in order; the same array when it hides nothing. */
export function filterEntries(entries: readonly LogEntry[], filter: LineFilter): readonly LogEntry[] {
  if (!filterHides(filter)) return entries;
  // Hoisted and inlined: this loop is the cost of every filter change over a full buffer.
  const levels = filter.levels;
  const matcher = filter.onlyMatching ? filter.matcher : null;
  const out: LogEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LogEntry;
    if (entry.kind === 'line') {
      if (levels !== null && !levels.has(entry.line.level)) continue;
      if (matcher !== null && !matcher.test(entry)) continue;
    }
    out.push(entry);
  }
  return out;
}

/** Splits text into plain and marked runs for rendering (never as HTML). */
export function markRuns(text: string, matcher: Matcher | null): Array<{ text: string; mark: boolean }> {
  const ranges = matcher ? matcher.ranges(text) : [];
  if (ranges.length === 0) return [{ text, mark: false }];
  const runs: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) runs.push({ text: text.slice(at, start), mark: false });
    runs.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs;
}
