/** The logs' time zone (Local or UTC), remembered on this computer and shared by every pane and window. */
import { useCallback, useSyncExternalStore } from 'react';
import type { TimeZoneMode } from './log-format';

const STORAGE_KEY = 'agentcore.logs.timeZone';
const listeners = new Set<() => void>();

function read(): TimeZoneMode {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    return 'local'; // storage can be disabled; the toggle then lasts for the page
  }
}

let current: TimeZoneMode | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window changed it.
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const snapshot = (): TimeZoneMode => (current ??= read());

export function useTimeZone(): [TimeZoneMode, (zone: TimeZoneMode) => void] {
  const zone = useSyncExternalStore(subscribe, snapshot);
  const set = useCallback((next: TimeZoneMode) => {
    current = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // kept in memory only
    }
    for (const listener of listeners) listener();
  }, []);
  return [zone, set];
}
