/** The contract's implementation: thin glue from validated inputs to services. */
import type { AppInfo } from '../../shared/contract';
import type { Implementation } from '../host/dispatch';
import type { EventBus } from '../host/events';
import type { FleetService } from '../services/fleet/fleet-service';
import type { ChatService } from '../services/chat/chat-service';
import type { SettingsStore } from '../services/store/settings-store';
import { chatImplementation } from './chat-implementation';
import { credentialMethods, type CredentialServices } from './credential-services';

export interface ImplementationDeps {
  info: AppInfo;
  settings: SettingsStore;
  fleet: FleetService;
  events: EventBus;
  chat: ChatService;
  credentials: Pick<CredentialServices, 'profiles' | 'auth'>;
}

export function createImplementation({ info, settings, fleet, events, credentials, chat }: ImplementationDeps): Implementation {
  return {
    'app.info': async () => info,
    'app.visibility': async ({ visible }) => {
      fleet.setVisible(visible);
      return { polling: visible ? 'active' : 'paused' };
    },
    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings.changed', next);
      return next;
    },
    'fleet.list': async () => fleet.snapshot(),
    'fleet.refresh': async () => fleet.refresh(),
    ...chatImplementation(chat),
    'fleet.resource': async ({ key }) => fleet.detail(key),
    ...credentialMethods(credentials),
  };
}
