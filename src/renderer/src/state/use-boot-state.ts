/**
 * Whether the console has what it needs on screen: app info and the first
 * fleet snapshot (e2e tests wait on this). Selects only "loaded", so later
 * fleet diffs do not re-render whoever asks.
 */
import type { AppState } from '../app/use-app-state-marker';
import { useApiQuery } from './api-query';

const loaded = (): true => true;

export function useBootState(): AppState {
  const info = useApiQuery('app.info', {}, { select: loaded });
  const fleet = useApiQuery('fleet.list', {}, { select: loaded });
  if (info.data && fleet.data) return 'ready';
  return (info.error && !info.data) || (fleet.error && !fleet.data) ? 'error' : 'loading';
}
