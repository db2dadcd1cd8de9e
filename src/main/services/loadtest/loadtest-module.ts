/**
 * Load and acceptance tests as a feature module: the contract's methods, the
 * `loadtest.live` stream, and `activity` for the war room's timeline. Runs
 * invoke through the chat's client factory and invoker, resolve agents in the
 * same fleet snapshot and use the agent's chat payload template by default.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from '../../../shared/app';
import type { LoadLiveItem } from '../../../shared/loadtest';
import type { PriceTable } from '../../../shared/metrics';
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import type { ChatService } from '../chat/chat-service';
import { fleetDirectory } from '../chat/fleet-directory';
import { PriceOverrides } from '../cost/price-overrides';
import { applyOverrides, bundledPricingPath, loadPriceFile } from '../cost/price-table';
import type { FleetService } from '../fleet/fleet-service';
import { AgentInvoker } from '../invoke/agent-invoker';
import type { Logger } from '../log/logger';
import { ConsoleLatencyReader } from '../metrics/console-latency';
import type { Db } from '../store/database';
import { loadTestActivity, type LoadTestActivity } from './activity';
import { importArtilleryReport } from './artillery-report';
import { artilleryFiles } from './artillery-script';
import { LoadTestService } from './loadtest-service';
import { LoadRunStore } from './run-store';
import { prepareScenario } from './scenario-prep';

export interface LoadTestModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'dataClient' | 'bearerDataClient'>;
  fleet: Pick<FleetService, 'snapshot'>;
  chat: Pick<ChatService, 'getTemplate'>;
  logger: Logger;
  /** Where the fleet comes from now: on real AWS ('aws') big runs need confirmation. */
  dataSourceKind: () => DataSource['kind'];
  /** Default: resources/pricing.json with the user's overrides, as the metrics module reads it. */
  prices?: () => PriceTable;
  now?: () => number;
}

export type LoadTestModule = FeatureModule<
  | 'loadtest.estimate'
  | 'loadtest.start'
  | 'loadtest.stop'
  | 'loadtest.runs'
  | 'loadtest.run'
  | 'loadtest.deleteRun'
  | 'loadtest.scenarios'
  | 'loadtest.saveScenario'
  | 'loadtest.deleteScenario'
  | 'loadtest.exportRun'
  | 'loadtest.artilleryExport'
  | 'loadtest.artilleryImport',
  'loadtest.live'
> & { service: LoadTestService; activity: LoadTestActivity };

/** How far back the console's own reply times count as "recent" for an estimate. */
const RECENT_MS = 24 * 3_600_000;

export function createLoadTestModule(deps: LoadTestModuleDeps): LoadTestModule {
  const logger = deps.logger.child({ service: 'loadtest' });
  const now = deps.now ?? Date.now;
  const store = new LoadRunStore(deps.db, now);
  const agents = fleetDirectory(deps.fleet);
  const invoker = new AgentInvoker(deps.clients);
  const latency = new ConsoleLatencyReader(deps.db);
  const prices = deps.prices ?? defaultPrices(deps.db);
  const chatTemplate = (agentKey: string): string => deps.chat.getTemplate(agentKey).template;
  const service = new LoadTestService({
    store,
    agents,
    chatTemplate,
    runner: {
      invoke: (target, payload, accept, signal) => invoker.invoke(target, payload, accept, signal),
      newSessionId: () => `loadtest-${randomUUID()}`,
      clock: () => performance.now(),
    },
    prices,
    measuredLatencyMs: (agentKey, qualifier) => {
      const t = now();
      const read = latency.read(agentKey, qualifier, { from: t - RECENT_MS, start: t - RECENT_MS, end: t, periodMs: RECENT_MS }, false);
      return read.series.find((s) => s.id === 'console.total')?.points[0]?.[1] ?? null;
    },
    onRealAws: () => deps.dataSourceKind() === 'aws',
    logger,
    now,
  });
  return {
    service,
    activity: loadTestActivity(store),
    methods: {
      'loadtest.estimate': async ({ scenario }) => service.estimate(scenario),
      'loadtest.start': async ({ scenario, confirmed }) => service.start(scenario, confirmed),
      'loadtest.stop': ({ runId }) => service.stop(runId),
      'loadtest.runs': async (filter) => service.runs(filter),
      'loadtest.run': async ({ runId }) => service.run(runId),
      'loadtest.deleteRun': ({ runId }) => service.deleteRun(runId),
      'loadtest.scenarios': async () => service.scenarios(),
      'loadtest.saveScenario': async ({ scenario }) => service.saveScenario(scenario),
      'loadtest.deleteScenario': async ({ name }) => service.deleteScenario(name),
      'loadtest.exportRun': async ({ runId, format }) => service.exportRun(runId, format),
      'loadtest.artilleryExport': async ({ scenario }) => {
        const prepared = prepareScenario({ agents, chatTemplate }, scenario);
        const template = scenario.payloadTemplate?.trim() ? scenario.payloadTemplate : chatTemplate(scenario.agentKey);
        return artilleryFiles({ scenario, agent: prepared.agent, prompts: prepared.prompts, template });
      },
      'loadtest.artilleryImport': async ({ scenario, report }) => {
        const agent = agents.find(scenario.agentKey);
        return service.saveImported(importArtilleryReport(report, { id: randomUUID(), scenario, agentName: agent?.name ?? scenario.agentKey, now: now() }));
      },
    },
    streams: {
      'loadtest.live': ({ runId }, sink) => {
        const follower = (item: LoadLiveItem): void => {
          sink.push(item);
          if (item.kind === 'done') sink.end();
        };
        service.live(runId, follower, sink.signal);
      },
    },
    close: () => service.close(),
  };
}

function defaultPrices(db: Db): () => PriceTable {
  const file = loadPriceFile(bundledPricingPath());
  const overrides = new PriceOverrides(db);
  return () => applyOverrides(file, overrides.get());
}
