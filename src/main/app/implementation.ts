/** The contract's implementation: thin glue from validated inputs to services. */
import type { AppInfo } from '../../shared/contract';
import type { Implementation } from '../host/dispatch';
import type { EventBus } from '../host/events';
import type { FleetService } from '../services/fleet/fleet-service';
import type { SettingsStore } from '../services/store/settings-store';

export interface ImplementationDeps {
  info: AppInfo;
  settings: SettingsStore;
  fleet: FleetService;
  events: EventBus;
}

export function createImplementation({ info, settings, fleet, events }: ImplementationDeps): Implementation {
  return {
    'app.info': async () => info,
    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings.changed', next);
      return next;
    },
    'fleet.list': async () => fleet.snapshot(),
    'fleet.refresh': async () => fleet.refresh(),
    'fleet.resource': async ({ key }) => fleet.detail(key),
  };
}
