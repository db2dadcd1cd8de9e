/**
 * Traces as a feature module: a trace by id, recent traces per agent and per
 * session, token usage (which the metrics module also prices), the runtime
 * sessions seen live, and StopRuntimeSession for any of them. A session the
 * console's own chat started is ended through the chat, so the chat knows.
 */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import { describeAwsError } from '../aws/describe-error';
import { DEFAULT_BACKOFF, type Backoff } from '../aws/throttle-retry';
import type { ChatService } from '../chat/chat-service';
import { ChatStore } from '../chat/chat-store';
import type { FleetService } from '../fleet/fleet-service';
import { AgentInvoker } from '../invoke/agent-invoker';
import type { Logger } from '../log/logger';
import { logTargets } from '../logs/log-target';
import type { Db } from '../store/database';
import type { InsightsOptions } from './insights-query';
import { liveSessions } from './live-sessions';
import { SpanReads } from './span-reads';
import { tokenUsage } from './token-usage';
import { lookupTrace, recentTraces, sessionTraces } from './trace-lookup';

export interface TracesModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'logsClient' | 'dataClient' | 'bearerDataClient'>;
  fleet: Pick<FleetService, 'find' | 'snapshot'>;
  chat: Pick<ChatService, 'endSession'>;
  logger: Logger;
  backoff?: Backoff;
  insights?: Omit<InsightsOptions, 'backoff' | 'signal'>;
}

export type TracesModule = FeatureModule<'traces.get' | 'traces.recent' | 'traces.session' | 'traces.usage' | 'traces.live' | 'traces.stopSession'> & {
  /** Token usage for the cost view (metrics module). */
  usage: (agentKey: string, startMs: number, endMs: number) => ReturnType<typeof tokenUsage>;
};

export function createTracesModule(deps: TracesModuleDeps): TracesModule {
  const logger = deps.logger.child({ service: 'traces' });
  const targets = logTargets(deps.fleet, deps.clients);
  const reads = new SpanReads(deps.backoff ?? DEFAULT_BACKOFF, deps.insights);
  const chats = new ChatStore(deps.db);
  const invoker = new AgentInvoker(deps.clients);
  const usage = (agentKey: string, startMs: number, endMs: number) => tokenUsage(reads, targets(agentKey), startMs, endMs);

  return {
    usage,
    methods: {
      'traces.get': ({ agentKey, traceId, around }) => lookupTrace(reads, targets(agentKey), traceId, around),
      'traces.recent': ({ agentKey, lastMs }) => recentTraces(reads, targets(agentKey), lastMs),
      'traces.session': ({ agentKey, runtimeSessionId, lastMs }) => sessionTraces(reads, targets(agentKey), runtimeSessionId, lastMs),
      'traces.usage': ({ agentKey, startTime, endTime }) => {
        if (endTime <= startTime) throw new ApiError('invalid_input', 'The range ends before it starts', { field: 'endTime' });
        return usage(agentKey, startTime, endTime);
      },
      'traces.live': ({ minutes }) =>
        liveSessions({ reads, targets, runtimes: () => deps.fleet.snapshot().resources, chatSessions: () => chats.listSessions(), now: Date.now }, minutes),
      'traces.stopSession': async ({ agentKey, runtimeSessionId }) => {
        const chat = chats.sessionByRuntimeSession(runtimeSessionId);
        if (chat && chat.agentKey === agentKey) {
          await deps.chat.endSession(chat.id);
          return { stopped: true };
        }
        const agent = targets(agentKey).resource;
        try {
          await invoker.stopSession({ arn: agent.arn, profile: agent.profile, region: agent.region, qualifier: 'DEFAULT', runtimeSessionId });
        } catch (error) {
          const d = describeAwsError(error);
          // Already gone (idle timeout, max lifetime): what the user asked for is true.
          if (d.code === 'ResourceNotFoundException') return { stopped: true };
          logger.warn('StopRuntimeSession failed', { agentKey, code: d.code });
          throw new ApiError('aws_error', `StopRuntimeSession failed — ${d.code}: ${d.message}`, { awsCode: d.code, retryable: d.retryable });
        }
        logger.info('runtime session stopped', { agentKey });
        return { stopped: true };
      },
    },
    streams: {},
  };
}
