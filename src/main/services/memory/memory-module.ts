/**
 * The memory browser as a feature module: reads of AgentCore Memory (actors,
 * sessions, events, records, semantic search, failed extraction jobs),
 * JSONL exports, and confirmed, audited deletes. Deletes are contract
 * commands, so the dispatcher refuses them for viewers.
 */
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import type { FleetService } from '../fleet/fleet-service';
import type { Logger } from '../log/logger';
import type { Db } from '../store/database';
import { MemoryAudit } from './memory-audit';
import { MemoryDeletes } from './memory-deletes';
import { DEFAULT_BACKOFF, type Backoff } from '../aws/throttle-retry';
import { MemoryExport } from './memory-export';
import { MemoryService } from './memory-service';
import { memoryTargets } from './memory-target';

export interface MemoryModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'dataClient'>;
  fleet: Pick<FleetService, 'find'>;
  logger: Logger;
  /** Tests shorten the throttling backoff. */
  backoff?: Backoff;
}

type MemoryMethods =
  | 'memory.actors'
  | 'memory.sessions'
  | 'memory.events'
  | 'memory.event'
  | 'memory.findSession'
  | 'memory.records'
  | 'memory.record'
  | 'memory.retrieve'
  | 'memory.jobs'
  | 'memory.audit'
  | 'memory.exportSession'
  | 'memory.exportNamespace'
  | 'memory.deleteEvent'
  | 'memory.deleteRecords';

export function createMemoryModule(deps: MemoryModuleDeps): FeatureModule<MemoryMethods> {
  const targets = memoryTargets(deps.fleet, deps.clients);
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const reads = new MemoryService(targets, backoff);
  const audit = new MemoryAudit(deps.db);
  const deletes = new MemoryDeletes(targets, audit, deps.logger.child({ service: 'memory' }));
  const exports = new MemoryExport(targets, backoff);
  return {
    methods: {
      'memory.actors': (input) => reads.actors(input),
      'memory.sessions': (input) => reads.sessions(input),
      'memory.events': (input) => reads.events(input),
      'memory.event': (input) => reads.event(input),
      'memory.findSession': (input) => reads.findSession(input),
      'memory.records': (input) => reads.records(input),
      'memory.record': (input) => reads.record(input),
      'memory.retrieve': (input) => reads.retrieve(input),
      'memory.jobs': (input) => reads.jobs(input),
      'memory.audit': async ({ limit }) => audit.list(limit),
      'memory.exportSession': (input) => exports.session(input),
      'memory.exportNamespace': (input) => exports.namespace(input),
      'memory.deleteEvent': (input) => deletes.deleteEvent(input),
      'memory.deleteRecords': (input) => deletes.deleteRecords(input),
    },
    streams: {},
  };
}
