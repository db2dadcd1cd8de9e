/**
 * The fleet snapshot in the query cache: `fleet.list` loads it, pushed
 * `fleet.changed` diffs patch it. A diff that arrives while a load is in
 * flight may or may not be in the answer, so each load collects them and
 * replays the newer ones onto its snapshot (replayPendingDiffs).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { FleetDiff, FleetSnapshot } from '../../../shared/fleet';
import type { ApiClient } from '../api/client';
import { apiQueryKey } from './api-key';
import { applyFleetDiff, replayPendingDiffs } from './apply-fleet-diff';

export const fleetListKey = apiQueryKey('fleet.list', {});

export interface FleetSync {
  load: () => Promise<FleetSnapshot>;
  onDiff: (queryClient: QueryClient, diff: FleetDiff) => void;
}

export function createFleetSync(client: Pick<ApiClient, 'call'>): FleetSync {
  // One list per load in flight: a reconnect may start a load while another is still out.
  const collecting = new Set<FleetDiff[]>();
  return {
    async load() {
      const pending: FleetDiff[] = [];
      collecting.add(pending);
      try {
        return replayPendingDiffs(await client.call('fleet.list', {}), pending);
      } finally {
        collecting.delete(pending);
      }
    },
    onDiff(queryClient, diff) {
      collecting.forEach((pending) => pending.push(diff));
      // Also patch what is on screen: the load's answer replaces it anyway, and if the load fails the diff is not lost.
      queryClient.setQueryData<FleetSnapshot>(fleetListKey, (current) => (current ? applyFleetDiff(current, diff) : current));
    },
  };
}
