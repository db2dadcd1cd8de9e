/**
 * Main's data as the renderer keeps it: app info, settings and the fleet
 * snapshot, each loaded once, updated by pushed events, and re-fetched after
 * the connection to the host comes back (events may have been missed).
 */
import type { AppInfo } from '../../../shared/contract';
import type { FleetDiff, FleetSnapshot } from '../../../shared/fleet';
import type { Settings } from '../../../shared/settings';
import type { ApiClient } from '../api/client';
import { applyFleetDiff, replayPendingDiffs } from './apply-fleet-diff';
import { createRemoteStore, type RemoteStore } from './remote-store';

export interface ServerState {
  appInfo: RemoteStore<AppInfo>;
  settings: RemoteStore<Settings>;
  fleet: RemoteStore<FleetSnapshot>;
  /** Subscribes to events and loads everything; returns a stop function. */
  start(): () => void;
}

type Client = Pick<ApiClient, 'call' | 'on' | 'onConnection'>;

export function createServerState(client: Client): ServerState {
  let fleetLoading = false;
  let pendingDiffs: FleetDiff[] = [];

  const appInfo = createRemoteStore(() => client.call('app.info', {}));
  const settings = createRemoteStore(() => client.call('settings.get', {}));
  const fleet = createRemoteStore(async () => {
    fleetLoading = true;
    pendingDiffs = [];
    try {
      const snapshot = await client.call('fleet.list', {});
      return replayPendingDiffs(snapshot, pendingDiffs);
    } finally {
      fleetLoading = false;
      pendingDiffs = [];
    }
  });

  const onFleetChanged = (diff: FleetDiff): void => {
    if (fleetLoading) pendingDiffs.push(diff);
    else fleet.update((current) => (current ? applyFleetDiff(current, diff) : current));
  };

  const refreshAll = (): void => {
    void appInfo.refresh();
    void settings.refresh();
    void fleet.refresh();
  };

  return {
    appInfo,
    settings,
    fleet,
    start() {
      let wasLost = false;
      const stops = [
        client.on('fleet.changed', onFleetChanged),
        client.on('settings.changed', (next) => settings.update(() => next)),
        client.on('app.changed', (next) => appInfo.update(() => next)),
        client.onConnection((state) => {
          if (state === 'lost') wasLost = true;
          else if (state === 'connected' && wasLost) {
            wasLost = false;
            refreshAll();
          }
        }),
      ];
      refreshAll();
      return () => stops.forEach((stop) => stop());
    },
  };
}
