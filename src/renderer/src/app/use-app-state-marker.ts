/**
 * Publishes the app's readiness on <body data-app-state>: e2e tests wait on
 * "ready" (app info and the first fleet snapshot are in) instead of on time.
 */
import { useEffect } from 'react';

export type AppState = 'loading' | 'ready' | 'error';

export function useAppStateMarker(state: AppState): void {
  useEffect(() => {
    document.body.dataset.appState = state;
  }, [state]);
}
