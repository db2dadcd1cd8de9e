/**
 * A tiny server-state cell: data that lives in main, loaded once, updated by
 * pushed events and re-fetched on demand. Read from React with
 * `useSyncExternalStore(store.subscribe, store.get)`.
 */
import { ApiError } from '../../../shared/errors';

export interface Remote<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
}

export interface RemoteStore<T> {
  get(): Remote<T>;
  subscribe(listener: () => void): () => void;
  /** Loads (or reloads) from main; concurrent callers share one request. */
  refresh(): Promise<void>;
  /** Replaces the data (e.g. with a pushed value or a call's result). */
  update(updater: (current: T | undefined) => T | undefined): void;
}

export function createRemoteStore<T>(load: () => Promise<T>): RemoteStore<T> {
  let state: Remote<T> = { data: undefined, error: null, loading: false };
  let inFlight: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: Remote<T>): void => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      if (inFlight) return inFlight;
      set({ ...state, loading: true });
      inFlight = load()
        .then(
          (data) => set({ data, error: null, loading: false }),
          (error: unknown) => set({ ...state, error: toApiError(error), loading: false }),
        )
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    update(updater) {
      set({ ...state, data: updater(state.data) });
    },
  };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
