/**
 * CloudWatch Logs (awsJson1_1, `x-amz-target: Logs_20140328.*`): runtime log
 * groups and `aws/spans`, with a seeded recent history, filter patterns,
 * AWS-compatible paging tokens, DeleteLogGroup and StartLiveTail event
 * streams, Logs Insights queries; plus the admin knobs of control.ts (log
 * rate, odd lines) and trace-control.ts (span lag, big traces, Insights mode).
 */
import type { EmulatorModule, ModuleDeps } from '../core/types';
import { createLogsControl, logsAdminRoutes } from './control';
import { deleteLogGroupRoute } from './delete-route';
import { DEFAULT_LIVE_TAIL, LiveTailSessions, startLiveTail, type LiveTailEnv, type LiveTailOptions } from './live-tail';
import { LogLoad } from './load';
import { InsightsQueries } from './insights-queries';
import { insightsRoutes } from './insights-routes';
import { queryRoutes } from './query-routes';
import { DEFAULT_LOG_OPTIONS, LogStore, type LogStoreOptions } from './store';
import { createTracesControl, tracesAdminRoutes } from './trace-control';

export interface LogsModuleOptions {
  store?: Partial<LogStoreOptions>;
  liveTail?: Partial<LiveTailOptions>;
}

export function createLogsModule(deps: ModuleDeps, options: LogsModuleOptions = {}): EmulatorModule {
  const store = new LogStore(deps, { ...DEFAULT_LOG_OPTIONS, ...options.store });
  const load = new LogLoad(store, deps);
  const tail: LiveTailEnv = {
    store,
    seed: deps.seed,
    now: deps.now,
    options: { ...DEFAULT_LIVE_TAIL, ...options.liveTail },
    maxPerUpdate: () => load.maxPerUpdate,
    sessions: new LiveTailSessions(),
  };
  const control = createLogsControl(store, load, deps, tail.options.maxPerUpdate);
  const queries = new InsightsQueries(store, deps.seed, deps.now);
  const traces = createTracesControl(store, queries, deps);
  return {
    routes: [
      ...queryRoutes(store),
      ...insightsRoutes(store, queries),
      deleteLogGroupRoute(store),
      {
        service: 'logs',
        operation: 'StartLiveTail',
        method: 'POST',
        target: 'Logs_20140328.StartLiveTail',
        handle: (ctx) => startLiveTail(tail, ctx),
      },
    ],
    onInvocation: (record) => store.recordInvocation(record),
    reset: () => {
      load.reset();
      store.clear();
      queries.clear();
    },
    close: () => load.stop(),
    admin: [...logsAdminRoutes(control), ...tracesAdminRoutes(traces)],
    logs: { ...control, ...traces },
  };
}
