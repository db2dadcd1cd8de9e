/** What every row of every pane reads the same way: time zone, highlight, the session a jump landed on. Passed by context so memoized rows need no new props. */
import { createContext, useContext } from 'react';
import type { TimeZoneMode } from './log-format';
import type { Matcher } from './log-filter';

export interface LogsDisplay {
  zone: TimeZoneMode;
  matcher: Matcher | null;
  /** Lines of this runtime session are marked. */
  session: string | null;
  /** The list spans more than today: times carry their date. */
  withDate: boolean;
  /** The agent whose lines these are: a line naming a trace links to that agent's trace. */
  agentKey?: string;
}

export const LogsDisplayContext = createContext<LogsDisplay>({ zone: 'local', matcher: null, session: null, withDate: false });
export const useLogsDisplay = (): LogsDisplay => useContext(LogsDisplayContext);

/** Which parts of a row the user opened: the JSON (or long text) expanded, the whole line fetched. */
export interface RowOpen {
  expanded?: boolean;
  full?: boolean;
}

export type ToggleRow = (id: number, part: keyof RowOpen) => void;
