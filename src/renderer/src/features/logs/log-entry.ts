/** What a log list shows: the lines, and markers where lines are missing. Ids are unique within one list and never reused. */
import type { LogLine } from '../../../../shared/logs';

export interface LineEntry {
  kind: 'line';
  id: number;
  line: LogLine;
}

/** Lines the stream numbered but never delivered: the view was not reading and main dropped them. */
export interface GapEntry {
  kind: 'gap';
  id: number;
  count: number;
}

export type LogEntry = LineEntry | GapEntry;

/** Numbers lines as they arrive (history pages, tail batches). */
export function createIdSource(): () => number {
  let next = 0;
  return () => next++;
}
