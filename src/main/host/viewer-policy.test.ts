/**
 * The share's allowlist must classify every method, stream and event of the
 * contract: a new one fails here until someone decides whether a room of
 * viewers may see it. Mutations are never allowed, whatever the table says.
 */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/app';
import { contract, eventNames, methodNames, streamNames, streams } from '../../shared/contract';
import { viewerAppInfo, viewerEvents, viewerMethods, viewerStreams } from './viewer-policy';

describe('viewer policy', () => {
  it.each(methodNames)('method %s is classified, and allowed only when it reads', (name) => {
    expect(viewerMethods[name]).toMatch(/^(allowed|forbidden)$/);
    if (contract[name].mutates) expect(viewerMethods[name]).toBe('forbidden');
  });

  it.each(streamNames)('stream %s is classified, and allowed only when it reads', (name) => {
    expect(viewerStreams[name]).toMatch(/^(allowed|forbidden)$/);
    if (streams[name].mutates) expect(viewerStreams[name]).toBe('forbidden');
  });

  it.each(eventNames)('event %s is classified', (name) => {
    expect(viewerEvents[name]).toMatch(/^(allowed|forbidden)$/);
  });

  it('names nothing the contract does not have (a renamed method is not left allowed)', () => {
    expect(Object.keys(viewerMethods).filter((name) => !methodNames.includes(name as never))).toEqual([]);
    expect(Object.keys(viewerStreams).filter((name) => !streamNames.includes(name as never))).toEqual([]);
    expect(Object.keys(viewerEvents).filter((name) => !eventNames.includes(name as never))).toEqual([]);
  });

  it('keeps the owner-only families away from viewers', () => {
    const families = ['chat.', 'memory.', 'settings.', 'profiles.', 'auth.', 'loadtest.'];
    const leaked = methodNames.filter((name) => families.some((f) => name.startsWith(f)) && viewerMethods[name] === 'allowed');
    expect(leaked).toEqual([]);
    expect(viewerEvents['settings.changed']).toBe('forbidden');
    expect(viewerEvents['auth.changed']).toBe('forbidden');
    expect(viewerMethods['share.status']).toBe('forbidden');
  });

  it('strips what is local to the owner from app info', () => {
    const info: AppInfo = {
      name: 'AgentCore Ops Console',
      version: '1.0.0',
      host: 'web',
      platform: 'linux',
      dataDir: '/home/alice/.config/agentcore-ops',
      dataSource: { kind: 'aws', label: 'AWS', profiles: ['alice-admin'], regions: ['us-east-1'] },
      startedAt: 1,
      notices: [{ level: 'warning', message: 'database at /home/alice moved aside' }],
    };
    const seen = JSON.stringify(viewerAppInfo(info));
    expect(seen).not.toContain('alice');
    expect(viewerAppInfo(info)).toMatchObject({ version: '1.0.0', dataSource: { regions: ['us-east-1'] } });
  });
});
