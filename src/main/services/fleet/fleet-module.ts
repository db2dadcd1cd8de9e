/** The fleet: one poller over the watched (profile, region) cells, its snapshot, and resource detail on demand. */
import type { Events } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings';
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import type { Logger } from '../log/logger';
import type { Db } from '../store/database';
import { FleetCache } from './fleet-cache';
import { FleetService } from './fleet-service';
import { StatusHistory } from './status-history';

export interface FleetModuleDeps {
  db: Db;
  clients: ClientFactory;
  logger: Logger;
  cells: Array<{ profile: string; region: string }>;
  /** The cells to poll under new settings; undefined when they never change (the demo fleet). */
  cellsFor?: (settings: Settings) => Array<{ profile: string; region: string }>;
  intervalMs: () => number;
  emit: (event: 'fleet.changed', payload: Events['fleet.changed']) => void;
}

export type FleetModule = FeatureModule<'fleet.list' | 'fleet.refresh' | 'fleet.resource'> & { service: FleetService };

export function createFleetModule(deps: FleetModuleDeps): FleetModule {
  const history = new StatusHistory(deps.db);
  const service = new FleetService({
    cells: deps.cells,
    clients: deps.clients,
    cache: new FleetCache(deps.db),
    logger: deps.logger.child({ service: 'fleet' }),
    onDiff: (diff) => {
      history.observe(diff);
      deps.emit('fleet.changed', diff);
    },
    intervalMs: deps.intervalMs,
  });
  history.seed(service.snapshot().resources);
  return {
    service,
    methods: {
      'fleet.list': async () => service.snapshot(),
      'fleet.refresh': async () => service.refresh(),
      'fleet.resource': async ({ key }) => service.detail(key),
    },
    streams: {},
    // Watching another profile or region takes effect at once, no restart.
    settingsChanged(settings) {
      if (deps.cellsFor) service.setCells(deps.cellsFor(settings));
    },
    close: async () => {
      service.stop();
      await service.flushed();
    },
  };
}
