/**
 * CloudWatch Logs (awsJson1_1, `x-amz-target: Logs_20140328.*`): runtime log
 * groups and `aws/spans`, with a seeded recent history, filter patterns,
 * AWS-compatible paging tokens and StartLiveTail event streams.
 */
import type { EmulatorModule, ModuleDeps } from '../core/types';
import { DEFAULT_LIVE_TAIL, startLiveTail, type LiveTailOptions } from './live-tail';
import { queryRoutes } from './query-routes';
import { DEFAULT_LOG_OPTIONS, LogStore, type LogStoreOptions } from './store';

export interface LogsModuleOptions {
  store?: Partial<LogStoreOptions>;
  liveTail?: Partial<LiveTailOptions>;
}

export function createLogsModule(deps: ModuleDeps, options: LogsModuleOptions = {}): EmulatorModule {
  const store = new LogStore(deps, { ...DEFAULT_LOG_OPTIONS, ...options.store });
  const tail = { ...DEFAULT_LIVE_TAIL, ...options.liveTail };
  return {
    routes: [
      ...queryRoutes(store),
      {
        service: 'logs',
        operation: 'StartLiveTail',
        method: 'POST',
        target: 'Logs_20140328.StartLiveTail',
        handle: (ctx) => startLiveTail(store, deps.seed, deps.now, ctx, tail),
      },
    ],
    onInvocation: (record) => store.recordInvocation(record),
    reset: () => store.clear(),
  };
}
