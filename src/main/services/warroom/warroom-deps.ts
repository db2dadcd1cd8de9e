/** What the war room reads from the rest of the console, so tests and benches build it from parts. */
import type { Backoff } from '../aws/throttle-retry';
import type { FleetService } from '../fleet/fleet-service';
import type { MetricTargets } from '../metrics/metric-target';
import type { SloStore } from '../metrics/slo-store';
import type { Db } from '../store/database';
import type { Limiter } from '../util/limiter';
import type { ChatActivity } from './chat-activity';
import type { ErrorLineReader } from './error-lines';
import type { LastErrors } from './last-errors';

export interface FailedLoadRun {
  at: number;
  agentKey: string;
  runId: string;
  title: string;
  detail: string;
}

/** The load-test module's activity: its cold starts and failed runs count on the board and in the timeline. */
export interface LoadActivity {
  coldStarts(agentKey: string, from: number, to: number): number | Promise<number>;
  failedRuns(from: number, to: number): FailedLoadRun[] | Promise<FailedLoadRun[]>;
}

export interface WarRoomDeps {
  db: Db;
  fleet: Pick<FleetService, 'find' | 'snapshot'>;
  targets: Pick<MetricTargets, 'forCell'>;
  slo: SloStore;
  backoff: Backoff;
  chat: ChatActivity;
  errorLines: ErrorLineReader;
  lastErrors: LastErrors;
  /** Log reads in flight at once, for every board and timeline together. */
  logLimiter: Limiter;
  loadActivity?: LoadActivity;
  clock: () => number;
  /** How long a frame waits for last-error reads that are due. */
  logWaitMs: number;
}
