/**
 * An agent's error lines over a window, through the logs feature's own
 * history reads (one FilterLogEvents page per endpoint's log group, with a
 * filter pattern that lets only error-looking events through; the log-line
 * parser then keeps those whose level is error). A missing log group or a
 * denial is a notice for that agent, not a failure of the whole read.
 */
import { ApiError } from '../../../shared/errors';
import type { FleetResource } from '../../../shared/fleet';
import type { LogLine } from '../../../shared/logs';
import type { LogReads } from '../logs/log-reads';

/** CloudWatch terms are case-sensitive: each spelling an agent logs an error with. */
export const ERROR_PATTERN = '?ERROR ?Error ?error ?Exception ?Traceback ?FATAL ?CRITICAL';
const MAX_LINES = 10_000;

export interface ReadNotice {
  code: 'logs_missing' | 'logs_denied' | 'logs_error';
  /** `agent::endpoint` */
  subject: string;
  message: string;
}

export interface ErrorLineRead {
  lines: LogLine[];
  notices: ReadNotice[];
}

export type ErrorLineReader = (resource: FleetResource, window: { startTime: number; endTime: number }) => Promise<ErrorLineRead>;

const endpointsOf = (r: FleetResource): string[] => (r.endpoints?.length ? r.endpoints.map((e) => e.name) : ['DEFAULT']);

export function errorLineReader(reads: Pick<LogReads, 'history'>): ErrorLineReader {
  return async (resource, window) => {
    const lines: LogLine[] = [];
    const notices: ReadNotice[] = [];
    for (const endpoint of endpointsOf(resource)) {
      const subject = `${resource.name}::${endpoint}`;
      try {
        const page = await reads.history({ agentKey: resource.key, endpoint, ...window, filterPattern: ERROR_PATTERN, limit: MAX_LINES });
        lines.push(...page.lines.filter((l) => l.level === 'error'));
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError('aws_error', String(error));
        const code = e.code === 'not_found' ? 'logs_missing' : e.details?.awsCode === 'AccessDeniedException' ? 'logs_denied' : 'logs_error';
        notices.push({ code, subject, message: e.message });
      }
    }
    lines.sort((a, b) => a.timestamp - b.timestamp);
    return { lines, notices };
  };
}

/** Notices of many agents said once per kind, naming the agents. */
export function mergeReadNotices(notices: readonly ReadNotice[]): Array<{ code: string; message: string }> {
  const byCode = new Map<string, ReadNotice[]>();
  for (const n of notices) byCode.set(n.code, [...(byCode.get(n.code) ?? []), n]);
  return [...byCode].map(([code, list]) => {
    const subjects = [...new Set(list.map((n) => n.subject))];
    const names = subjects.length > 5 ? `${subjects.slice(0, 5).join(', ')} and ${subjects.length - 5} more` : subjects.join(', ');
    if (code === 'logs_missing')
      return { code, message: `No log group for ${names}: AgentCore creates one at an endpoint's first invocation. Their last error lines are not shown.` };
    if (list.length === 1) return { code, message: `Logs of ${names}: ${list[0]!.message}` };
    return { code, message: `Logs of ${names} could not be read: ${list[0]!.message}` };
  });
}
