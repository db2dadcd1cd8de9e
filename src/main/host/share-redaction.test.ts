/**
 * Redaction forced on for a share's viewers, in main: no byte a viewer
 * receives — envelope, stream frame or event — carries a raw account id, the
 * account of an ARN or a session id; pseudonyms hold across the whole share;
 * what a viewer sends back is un-mapped; only allowlisted events reach them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamImplementation, StreamSink } from './stream-hub';
import { ACCOUNT, http, openRawSse, OWNER, RUNTIME_ARN, SESSION, startShare, startShareRig, type ShareRig } from './share-test-rig';

const RAW_ACCOUNT = /(?<!\d)\d{12}(?!\d)/;
let rig: ShareRig;
let boardSink: StreamSink<unknown> | undefined;

beforeEach(() => {
  boardSink = undefined;
  rig = startShareRig({
    streams: {
      'warroom.board': ((_input: unknown, sink: StreamSink<unknown>) => {
        boardSink = sink;
      }) as unknown as StreamImplementation['warroom.board'],
    },
  });
});
afterEach(() => rig.close());

const call = (base: string, token: string, method: string, body: unknown = {}, connection?: string) =>
  http(`${base}/api/${method}`, { body, headers: { authorization: `Bearer ${token}`, ...(connection ? { 'x-agentcore-connection': connection } : {}) } });

describe('what a viewer receives', () => {
  it('an envelope carrying account ids and ARNs arrives with pseudonyms only, the same on every call', async () => {
    const { base, token } = await startShare(rig);
    const first = await call(base, token, 'fleet.list');
    expect(first.status).toBe(200);
    expect(first.body).not.toMatch(RAW_ACCOUNT);
    const resource = (JSON.parse(first.body) as { result: { resources: Array<Record<string, string>> } }).result.resources[0];
    expect(resource).toMatchObject({
      arn: 'arn:aws:bedrock-agentcore:us-east-1:account-A:runtime/payments-Xy12',
      accountId: 'account-A',
      note: 'owner account-A',
      key: 'demo|us-east-1|runtime|arn:aws:bedrock-agentcore:us-east-1:account-A:runtime/payments-Xy12',
    });
    expect((await call(base, token, 'fleet.list')).body).toBe(first.body);
    // The owner's own answer is untouched.
    expect(JSON.stringify(await rig.owner(OWNER, 'fleet.list', {}))).toContain(ACCOUNT);
  });

  it('stream frames are redacted with the same table, and events reach viewers only when allowlisted', async () => {
    const { base, token } = await startShare(rig);
    await call(base, token, 'fleet.list'); // account-A is now this share's name for the account
    const viewer = await openRawSse(base, token);
    const opened = await call(base, token, 'stream/open', { id: 'b1', name: 'warroom.board', input: { selection: { kind: 'all' } } }, viewer.connection);
    expect(opened.status).toBe(200);
    boardSink?.push({ arn: RUNTIME_ARN, lastError: `AccessDenied for ${ACCOUNT} in session ${SESSION}` });
    rig.events.emit('settings.changed', { watchedProfiles: [`admin-${ACCOUNT}`] } as never);
    rig.events.emit('auth.changed', { profile: 'admin' } as never);
    rig.events.emit('app.changed', {
      dataDir: `/home/${ACCOUNT}`,
      dataSource: { kind: 'demo', label: 'Demo', endpoint: 'http://127.0.0.1:4566', regions: [] },
      notices: [],
    } as never);
    rig.events.emit('fleet.changed', { changed: [{ arn: RUNTIME_ARN }] } as never);
    await viewer.until(/event: stream/);
    const text = await viewer.until(/event: fleet\.changed/);
    expect(text).toContain('arn:aws:bedrock-agentcore:us-east-1:account-A:runtime/payments-Xy12');
    expect(text).toContain('AccessDenied for account-A in session session-1');
    expect(text).not.toMatch(RAW_ACCOUNT);
    expect(text).not.toContain(SESSION);
    expect(text).not.toMatch(/settings\.changed|auth\.changed|watchedProfiles/);
    expect(text).toMatch(/event: app\.changed\ndata: .*"dataDir":""/);
    expect(text).not.toContain('4566');
    viewer.close();
  });

  it('an error message naming an ARN is redacted too', async () => {
    const { base, token } = await startShare(rig);
    const res = await call(base, token, 'traces.get', { agentKey: RUNTIME_ARN, traceId: 'x'.repeat(3), around: 1 });
    expect(res.body).not.toMatch(RAW_ACCOUNT);
  });
});

describe('what a viewer sends', () => {
  it('a masked session id is un-mapped before the handler runs, and the answer masked again', async () => {
    const { base, token } = await startShare(rig);
    const viewer = await openRawSse(base, token);
    await call(base, token, 'stream/open', { id: 'b1', name: 'warroom.board', input: { selection: { kind: 'all' } } }, viewer.connection);
    boardSink?.push({ session: SESSION });
    await viewer.until(/session-1/);
    const listed = JSON.parse((await call(base, token, 'fleet.list')).body) as { result: { resources: Array<{ key: string }> } };
    const maskedKey = listed.result.resources[0]?.key ?? '';
    expect(maskedKey).toContain('account-A');
    const res = await call(base, token, 'traces.session', { agentKey: maskedKey, runtimeSessionId: 'session-1' });
    expect(rig.inputs.at(-1)).toEqual({
      method: 'traces.session',
      input: expect.objectContaining({ agentKey: `demo|us-east-1|runtime|${RUNTIME_ARN}`, runtimeSessionId: SESSION }),
    });
    expect(JSON.parse(res.body)).toEqual({ ok: true, result: { runtimeSessionId: 'session-1' } });
    viewer.close();
  });

  it.each([
    ['settings.get', {}],
    ['settings.set', { theme: 'dark' }],
    ['chat.sessions.delete', { id: 'x' }],
    ['share.status', {}],
    ['share.stop', {}],
    ['memory.events', {}],
  ])('%s is forbidden to a viewer', async (method, body) => {
    const { base, token } = await startShare(rig);
    const res = await call(base, token, method, body);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rig.owner(OWNER, 'share.status', {})).toMatchObject({ result: { active: true } });
  });

  it('share.session tells a viewer it is one, without the link', async () => {
    const { base, token } = await startShare(rig, { minutes: 42 });
    const res = await call(base, token, 'share.session');
    const session = JSON.parse(res.body) as { result: { role: string; share: Record<string, unknown> } };
    expect(session.result).toMatchObject({ role: 'viewer', share: { active: true, expiresAt: rig.clock.now + 42 * 60_000 } });
    expect(res.body).not.toContain(token);
  });
});
