/**
 * The current hash route, held in memory and written to the address bar.
 *
 * Page changes push a history entry at once. Query edits (typing in a
 * filter) take effect in the store at once and reach the URL a moment later
 * (`scheduleWrite`), all edits in between written once: every
 * history.replaceState is a same-document navigation, and Chromium
 * re-fetches and re-decodes the page's favicon on each one, which cost every
 * fleet filter keystroke ~3 ms of main thread before its rows could paint.
 * A pending edit is written before any push (so Back returns to the filtered
 * view); a hashchange from outside (Back, a typed URL, a link) drops it.
 */
import { formatHash, parseHash, type PageSet, type Route } from './hash-route';

/** The slice of `window` the store uses; tests pass a fake. */
export interface HashWindow {
  location: { hash: string };
  history: { state: unknown; replaceState: (state: unknown, unused: string, url: string) => void };
  addEventListener: (type: 'hashchange', listener: () => void) => void;
}

/** Runs `callback` later (off the path of the frame that shows the edit); returns a cancel function. */
export type ScheduleWrite = (callback: () => void) => () => void;

export interface HashStore {
  current: () => Route;
  subscribe: (listener: () => void) => () => void;
  navigate: (route: Route, mode: 'push' | 'replace') => void;
}

/** `pages` is read when a hash is parsed, not when the store is made: the page registry may load after the router. */
export function createHashStore(win: HashWindow, scheduleWrite: ScheduleWrite, pages: () => PageSet): HashStore {
  const listeners = new Set<() => void>();
  let readHash: string | null = null;
  // Never returned: readHash starts as null, so the first current() parses the real hash.
  let route: Route = { page: '', query: {} };
  /** A replaced hash the URL does not show yet; while set, it is the truth. */
  let pending: string | null = null;
  let cancelWrite: (() => void) | null = null;

  const notify = (): void => listeners.forEach((listener) => listener());
  const cancelScheduledWrite = (): void => {
    cancelWrite?.();
    cancelWrite = null;
  };
  /** Writes a pending query edit to the URL now. */
  const flush = (): void => {
    cancelScheduledWrite();
    if (pending === null) return;
    const hash = pending;
    pending = null;
    if (hash !== win.location.hash) win.history.replaceState(win.history.state, '', hash);
    readHash = win.location.hash;
  };
  const current = (): Route => {
    if (pending === null && win.location.hash !== readHash) {
      readHash = win.location.hash;
      route = parseHash(readHash, pages());
    }
    return route;
  };

  win.addEventListener('hashchange', () => {
    // Back/forward or a typed URL: the address bar wins over an edit not yet written.
    cancelScheduledWrite();
    pending = null;
    notify();
  });

  return {
    current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate(next, mode) {
      const hash = formatHash(next);
      if (hash === formatHash(current())) return;
      if (mode === 'push') {
        flush();
        win.location.hash = hash;
        return;
      }
      pending = hash;
      route = parseHash(hash, pages());
      // Not re-armed per edit: while typing goes on, the URL still follows every `scheduleWrite` delay.
      cancelWrite ??= scheduleWrite(flush);
      notify();
    },
  };
}
