import { describe, expect, it } from 'vitest';
import { createHashStore, type ScheduleWrite, type HashWindow } from './hash-store';

const pages = () => ({ ids: ['fleet', 'chat', 'settings', 'logs', 'memory', 'metrics'], fallback: 'fleet' });

/** A window whose address bar, history writes and timers the test controls. */
function fakeWindow(initialHash = '') {
  const handlers: Record<string, Array<() => void>> = {};
  const scheduled = new Set<() => void>();
  const writes: string[] = [];
  const win: HashWindow & { location: { hash: string } } = {
    location: { hash: initialHash },
    history: {
      state: null,
      replaceState: (_state, _unused, url) => {
        writes.push(url);
        win.location.hash = url;
      },
    },
    addEventListener: (type, listener) => void (handlers[type] ??= []).push(listener),
  };
  const scheduleWrite: ScheduleWrite = (callback) => {
    scheduled.add(callback);
    return () => scheduled.delete(callback);
  };
  return {
    win,
    scheduleWrite,
    writes,
    /** The scheduled write comes due. */
    due: () => {
      const due = [...scheduled];
      scheduled.clear();
      due.forEach((callback) => callback());
    },
    /** The user (or a link) changes the address bar; the browser then fires hashchange. */
    userNavigates: (hash: string) => {
      win.location.hash = hash;
      handlers.hashchange?.forEach((h) => h());
    },
  };
}

describe('hash store', () => {
  it('shows query edits at once and writes the URL once, when the scheduled write comes due', () => {
    const { win, scheduleWrite, writes, due } = fakeWindow('#/fleet');
    const store = createHashStore(win, scheduleWrite, pages);
    let notified = 0;
    store.subscribe(() => notified++);

    for (const q of ['a', 'ag', 'age']) store.navigate({ page: 'fleet', query: { q } }, 'replace');

    expect(store.current().query.q).toBe('age');
    expect(notified).toBe(3);
    expect(win.location.hash).toBe('#/fleet');
    due();
    expect(writes).toEqual(['#/fleet?q=age']);
    expect(store.current()).toEqual({ page: 'fleet', query: { q: 'age' } });
  });

  it('keeps the URL following while typing goes on, one write per scheduled delay', () => {
    const { win, scheduleWrite, writes, due } = fakeWindow('#/fleet');
    const store = createHashStore(win, scheduleWrite, pages);
    store.navigate({ page: 'fleet', query: { q: 'a' } }, 'replace');
    store.navigate({ page: 'fleet', query: { q: 'ag' } }, 'replace');
    due();
    store.navigate({ page: 'fleet', query: { q: 'age' } }, 'replace');
    due();
    expect(writes).toEqual(['#/fleet?q=ag', '#/fleet?q=age']);
  });

  it('writes a pending edit before pushing a page, so Back returns to the filtered view', () => {
    const { win, scheduleWrite, writes } = fakeWindow('#/fleet');
    const store = createHashStore(win, scheduleWrite, pages);
    store.navigate({ page: 'fleet', query: { q: 'coach' } }, 'replace');
    store.navigate({ page: 'settings', query: {} }, 'push');
    expect(writes).toEqual(['#/fleet?q=coach']);
    expect(win.location.hash).toBe('#/settings');
    expect(store.current().page).toBe('settings');
  });

  it('lets the address bar win over an edit not yet written (Back, a typed URL)', () => {
    const { win, scheduleWrite, writes, due, userNavigates } = fakeWindow('#/fleet');
    const store = createHashStore(win, scheduleWrite, pages);
    store.navigate({ page: 'fleet', query: { q: 'typed' } }, 'replace');
    userNavigates('#/chat?agent=x');
    due();
    expect(writes).toEqual([]);
    expect(store.current()).toEqual({ page: 'chat', query: { agent: 'x' } });
  });

  it('ignores a navigation to the route already shown', () => {
    const { win, scheduleWrite, writes, due } = fakeWindow('#/fleet?q=same');
    const store = createHashStore(win, scheduleWrite, pages);
    let notified = 0;
    store.subscribe(() => notified++);
    store.navigate({ page: 'fleet', query: { q: 'same' } }, 'replace');
    due();
    expect(notified).toBe(0);
    expect(writes).toEqual([]);
  });
});
