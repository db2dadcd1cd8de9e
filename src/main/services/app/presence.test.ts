import { describe, expect, it } from 'vitest';
import { Presence } from './presence';

describe('presence', () => {
  it('keeps polling while any connection is visible; pauses only when none is', () => {
    const changes: boolean[] = [];
    const presence = new Presence((watching) => changes.push(watching));
    expect(presence.anyoneWatching()).toBe(true); // nobody has reported yet: the first poll is not held back
    expect(presence.report('window', true)).toBe(true);
    expect(presence.report('tab', false)).toBe(true); // one hidden tab pauses nothing
    expect(presence.report('window', false)).toBe(false);
    presence.report('tab', true);
    presence.forget('tab'); // the only visible tab goes away
    expect(changes).toEqual([true, false, true, false]);
  });

  it('ignores connections it never heard from', () => {
    const changes: boolean[] = [];
    const presence = new Presence((watching) => changes.push(watching));
    presence.report('window', true);
    presence.forget('someone-else');
    expect(changes).toEqual([true]);
  });
});
