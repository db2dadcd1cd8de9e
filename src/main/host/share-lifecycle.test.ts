/**
 * A read-only share's link, as other browsers meet it: a random token swapped
 * for a cookie, an expiry, a viewer cap, Stop dropping everyone, and each
 * bad link (wrong, expired, stopped, reused, over the cap) answered with its
 * own message and a log line that never carries the token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { http, openRawSse, OWNER, startShare, startShareRig, type ShareRig } from './share-test-rig';

let rig: ShareRig;
beforeEach(() => {
  rig = startShareRig({ interfaces: [{ name: 'lan0', address: '127.0.0.2' }] });
});
afterEach(() => rig.close());

const viewerCall = (base: string, token: string, method: string, body: unknown = {}) =>
  http(`${base}/api/${method}`, { body, headers: { authorization: `Bearer ${token}` } });
const errorOf = (body: string): { code: string; message: string; details?: { reason?: string } } => (JSON.parse(body) as { error: never }).error;

describe('starting a share', () => {
  it('listens on loopback with a fresh random token of at least 128 bits, and the owner sees it', async () => {
    const { base, token } = await startShare(rig);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const status = await rig.owner(OWNER, 'share.status', {});
    expect(status).toMatchObject({ ok: true, result: { active: true, viewers: 0, bind: 'loopback', maxViewers: 10 } });
    const second = await startShare(startShareRig());
    expect(second.token).not.toBe(token);
  });

  it('swaps the token in the link for its own HttpOnly cookie, not the owner’s', async () => {
    const { base, token } = await startShare(rig);
    const res = await http(`${base}/?token=${token}#/fleet`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^agentcore_ops_share=/);
    expect(cookie).toContain('HttpOnly');
    const page = await http(`${base}/`, { headers: { cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
  });

  it('refuses a second share while one runs, and one already running is untouched', async () => {
    await startShare(rig);
    const again = await rig.owner(OWNER, 'share.start', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/already running/) } });
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { active: true } });
  });

  it.each([
    ['a duration under 5 minutes', { minutes: 1 }],
    ['a viewer cap of 0', { maxViewers: 0 }],
    ['a LAN address without the confirmation', { bind: { kind: 'lan', address: '127.0.0.2' } }],
    ['a LAN address confirmed with false', { bind: { kind: 'lan', address: '127.0.0.2', confirmed: false } }],
    ['a LAN address that is not an address', { bind: { kind: 'lan', address: 'evil.example', confirmed: true } }],
  ])('refuses %s before listening', async (_label, input) => {
    expect(await rig.owner(OWNER, 'share.start', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { active: false } });
  });

  it('refuses a LAN address this machine does not have', async () => {
    const res = await rig.owner(OWNER, 'share.start', { bind: { kind: 'lan', address: '10.9.9.9', confirmed: true } });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not a network address of this machine/) } });
  });

  it('binds a confirmed LAN share to that address and answers only under it', async () => {
    const { base, token } = await startShare(rig, { bind: { kind: 'lan', address: '127.0.0.2', confirmed: true } });
    expect(base).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const port = new URL(base).port;
    expect((await viewerCall(base, token, 'share.session')).status).toBe(200);
    // The same socket, claiming to be the loopback console: a rebinding page or a link meant for another listener.
    const misdirected = await http(`${base}/api/share.session`, { body: {}, headers: { authorization: `Bearer ${token}` }, setHost: `127.0.0.1:${port}` });
    expect(misdirected.status).toBe(421);
    const crossOrigin = await http(`${base}/api/share.session`, {
      body: {},
      headers: { authorization: `Bearer ${token}`, origin: `http://localhost:${port}` },
    });
    expect(crossOrigin.status).toBe(401);
  });
});

describe('a bad share link', () => {
  it('a wrong token gets its own message, as a page and as an API envelope', async () => {
    const { base } = await startShare(rig);
    const page = await http(`${base}/?token=not-the-token`);
    expect(page.status).toBe(401);
    expect(page.body).toMatch(/share link is not valid/);
    const api = await viewerCall(base, 'not-the-token', 'fleet.list');
    expect(api.status).toBe(401);
    expect(errorOf(api.body)).toMatchObject({ code: 'unauthorized', details: { reason: 'wrong-token' } });
    expect((await http(`${base}/`)).status).toBe(401);
  });

  it('an expired share says it expired, and the owner sees it ended', async () => {
    const { base, token } = await startShare(rig, { minutes: 5 });
    expect((await viewerCall(base, token, 'share.session')).status).toBe(200);
    rig.clock.now += 5 * 60_000;
    const api = await viewerCall(base, token, 'fleet.list');
    expect(errorOf(api.body)).toMatchObject({ code: 'unauthorized', details: { reason: 'expired' }, message: expect.stringMatching(/expired/) });
    expect((await http(`${base}/?token=${token}`)).body).toMatch(/This share has expired/);
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { active: false, url: null } });
  });

  it('Stop drops every viewer at once, and the old link says the share ended, on its own port and on the next share’s', async () => {
    const { base, token } = await startShare(rig);
    const viewers = await Promise.all([openRawSse(base, token), openRawSse(base, token)]);
    await rig.owner(OWNER, 'share.stop', {});
    await Promise.all(viewers.map((viewer) => viewer.ended));
    // Each page hears that the share ended before its connection drops, so it can say so.
    for (const viewer of viewers) expect(viewer.text()).toMatch(/event: share\.changed\ndata: \{"active":false/);
    expect((await http(`${base}/?token=${token}`)).body).toMatch(/This share has ended/);
    expect(errorOf((await viewerCall(base, token, 'fleet.list')).body)).toMatchObject({ details: { reason: 'stopped' } });
    // A new share has a new token; the old one, presented to it, still says it ended.
    const next = await startShare(rig);
    expect(next.token).not.toBe(token);
    expect(errorOf((await viewerCall(next.base, token, 'fleet.list')).body)).toMatchObject({ details: { reason: 'stopped' } });
    expect((await viewerCall(next.base, next.token, 'share.session')).status).toBe(200);
  });

  it('past the cap, the next viewer reads that the share is full; a viewer leaving frees a place', async () => {
    const { base, token } = await startShare(rig, { maxViewers: 2 });
    const changes: number[] = [];
    rig.events.subscribe((event, payload) => {
      if (event === 'share.changed') changes.push((payload as { viewers: number }).viewers);
    });
    const first = await openRawSse(base, token);
    await openRawSse(base, token);
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { viewers: 2 } });
    const third = await openRawSse(base, token);
    expect(third.status).toBe(401);
    expect(errorOf(third.text())).toMatchObject({ details: { reason: 'full' }, message: 'This share is full (2 viewers). Try again when someone leaves.' });
    expect((await http(`${base}/?token=${token}`)).status).toBe(303);
    const page = await http(`${base}/`, { headers: { authorization: `Bearer ${token}` } });
    expect(page.body).toMatch(/This share is full \(2 viewers\)/);
    first.close();
    await first.ended;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await openRawSse(base, token)).status).toBe(200);
    expect(changes).toEqual([1, 2, 1, 2]);
  });

  it('a browser already watching is let back in at the cap (a reload, a second tab): the cap counts browsers', async () => {
    const { base, token } = await startShare(rig, { maxViewers: 1 });
    const link = await http(`${base}/?token=${token}`);
    const cookie = (link.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toMatch(/agentcore_ops_share=.*; agentcore_ops_share_seat=/);
    const tab = await openRawSse(base, token, cookie);
    expect((await http(`${base}/`, { headers: { cookie } })).status).toBe(200);
    const secondTab = await openRawSse(base, token, cookie);
    expect(secondTab.status).toBe(200);
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { viewers: 1 } });
    // Another browser (no seat of its own yet) is the second viewer.
    expect((await openRawSse(base, token)).status).toBe(401);
    tab.close();
    secondTab.close();
  });

  it('logs each refusal with its reason and never the token', async () => {
    const { base, token } = await startShare(rig, { maxViewers: 1 });
    await viewerCall(base, `${token}x`, 'fleet.list');
    await openRawSse(base, token);
    await openRawSse(base, token);
    await rig.owner(OWNER, 'share.stop', {});
    await viewerCall(base, token, 'fleet.list');
    const reasons = rig.logs.filter((line) => line.message === 'rejected web request').map((line) => line.fields?.reason);
    expect(reasons).toEqual(['wrong-token', 'full', 'stopped']);
    expect(JSON.stringify(rig.logs)).not.toContain(token);
  });
});
