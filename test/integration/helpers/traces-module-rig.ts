/**
 * The traces module as main runs it, beside the chat module (the console's
 * own invokes, whose trace ids a user opens) and the metrics module (which
 * prices the token usage): the emulator, a polled fleet of one region, short
 * backoffs and polls, and typed calls parsed by the contract's schemas.
 */
import type { z } from 'zod';
import type { EmulatorOptions } from '../../../src/emulator/index';
import { createChatModule, type ChatModule } from '../../../src/main/services/chat/chat-module';
import { silentLogger } from '../../../src/main/services/log/logger';
import { createMetricsModule, type MetricsModule } from '../../../src/main/services/metrics/metrics-module';
import { createTracesModule, type TracesModule, type TracesModuleDeps } from '../../../src/main/services/traces/traces-module';
import type { ChatMessage } from '../../../src/shared/chat';
import { contract, streams, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import { callAsOwner } from './caller';
import { startDemoFleetRig, type DemoFleetRig } from './demo-fleet-rig';

type Method = Extract<MethodName, `traces.${string}` | 'metrics.agent'>;

export interface TracesModuleRig extends DemoFleetRig {
  traces: TracesModule;
  chat: ChatModule;
  metrics: MetricsModule;
  call<M extends Method>(method: M, input: z.input<(typeof contract)[M]['input']>): Promise<MethodOutput<M>>;
  /** Sends one prompt through the console's chat to a demo agent and resolves with the stored reply. */
  chatWith(agentName: string, prompt: string): Promise<{ sessionId: string; runtimeSessionId: string; reply: ChatMessage }>;
}

export async function startTracesModuleRig(emulator: EmulatorOptions, insights: TracesModuleDeps['insights'] = {}): Promise<TracesModuleRig> {
  const base = await startDemoFleetRig(emulator, 'us-east-1', 'traces-rig-');
  const chat = createChatModule({ db: base.db, clients: base.clients, fleet: base.fleet, logger: silentLogger });
  const traces = createTracesModule({
    db: base.db,
    clients: base.clients,
    fleet: base.fleet,
    chat: chat.service,
    logger: silentLogger,
    backoff: { delaysMs: [5, 5] },
    insights: { pollDelaysMs: [20, 50], ...insights },
  });
  const metrics = createMetricsModule({ db: base.db, clients: base.clients, fleet: base.fleet, backoff: { delaysMs: [5, 5] }, tokenUsage: traces.usage });
  const rig: TracesModuleRig = {
    ...base,
    traces,
    chat,
    metrics,
    call: (method, input) => callAsOwner({ ...traces.methods, 'metrics.agent': metrics.methods['metrics.agent'] }, method, input),
    async chatWith(agentName, prompt) {
      const session = chat.service.createSession(contract['chat.sessions.create'].input.parse({ agentKey: base.agentKey(agentName), qualifier: 'DEFAULT' }));
      const reply = await new Promise<ChatMessage>((resolve) => {
        chat.service.send(streams['chat.reply'].input.parse({ sessionId: session.id, prompt }), (item) => {
          if (item.kind === 'completed') resolve(item.message);
        });
      });
      return { sessionId: session.id, runtimeSessionId: session.runtimeSessionId, reply };
    },
    async close() {
      await chat.close?.();
      await base.close();
    },
  };
  return rig;
}
