/**
 * Logs as a feature module: discovery and history as methods, the live tail
 * as a stream the opening connection owns (closing it, or losing the window,
 * ends the AWS session at once). Full texts of cut lines are shared by all.
 */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import { DEFAULT_BACKOFF, type Backoff } from '../aws/throttle-retry';
import type { FleetService } from '../fleet/fleet-service';
import type { Logger } from '../log/logger';
import { FullLines } from './full-lines';
import { LogReads } from './log-reads';
import { DEFAULT_TAIL_TIMING, LogTail, type TailTiming } from './log-tail';
import { logTargets } from './log-target';

export interface LogsModuleDeps {
  clients: Pick<ClientFactory, 'logsClient'>;
  fleet: Pick<FleetService, 'find'>;
  logger: Logger;
  backoff?: Backoff;
  timing?: Partial<TailTiming>;
}

export type LogsModule = FeatureModule<'logs.groups' | 'logs.history' | 'logs.line', 'logs.tail'>;

export function createLogsModule(deps: LogsModuleDeps): LogsModule {
  const logger = deps.logger.child({ service: 'logs' });
  const targets = logTargets(deps.fleet, deps.clients);
  const fullLines = new FullLines();
  const reads = new LogReads(targets, fullLines, deps.backoff ?? DEFAULT_BACKOFF);
  const timing = { ...DEFAULT_TAIL_TIMING, ...deps.timing };
  return {
    methods: {
      'logs.groups': async ({ agentKey }) => reads.groups(agentKey),
      'logs.history': async (input) => reads.history(input),
      'logs.line': async ({ key }) => {
        const message = fullLines.get(key);
        if (message === undefined) throw new ApiError('not_found', 'The console no longer holds the full text of this line; History shows it again.');
        return { message };
      },
    },
    streams: {
      'logs.tail': async (input, sink) => {
        const tail = new LogTail({
          target: targets(input.agentKey),
          endpoint: input.endpoint,
          ...(input.filterPattern ? { filterPattern: input.filterPattern } : {}),
          backfillMs: input.backfillMs,
          push: (item) => sink.push(item),
          end: (error) => sink.end(error),
          signal: sink.signal,
          fullLines,
          logger,
          timing,
        });
        await tail.start();
      },
    },
  };
}
