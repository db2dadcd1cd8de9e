import { describe, expect, it } from 'vitest';
import type { FleetCell, FleetResource, Health, ResourceKind } from '../../../../shared/fleet';
import { failedCells, freshnessLabel, pausedProfiles } from './cell-state';
import { filterFleet, sortBrokenFirst } from './filter-resources';
import { emptyFilter } from './fleet-query';
import { healthOf } from '../../../../shared/health';
import { formatDuration, isRollingOut, statusIndicatorType } from './resource-format';

const make = (name: string, kind: ResourceKind, health: Health, extra: Partial<FleetResource> = {}): FleetResource => ({
  key: `${extra.profile ?? 'p'}|us-east-1|${kind}|${name}`,
  kind,
  id: name,
  arn: `arn:aws:bedrock-agentcore:us-east-1:111122223333:${kind}/${name}`,
  name,
  profile: 'p',
  accountId: '111122223333',
  region: 'us-east-1',
  status: health === 'failed' ? 'FAILED' : 'READY',
  health,
  ...extra,
});

const fleet = sortBrokenFirst([
  make('agent_a', 'runtime', 'ok'),
  make('agent_b', 'runtime', 'failed'),
  make('mem_a', 'memory', 'ok', { profile: 'staging' }),
  make('gw_a', 'gateway', 'pending', { status: 'UPDATING' }),
]);

describe('filterFleet', () => {
  it('counts every type within the other filters, and lists only the chosen type', () => {
    const result = filterFleet(fleet, { ...emptyFilter, kind: 'runtime' });
    expect(result.items.map((r) => r.name)).toEqual(['agent_b', 'agent_a']);
    expect(result.kindCounts).toEqual({ runtime: 2, harness: 0, memory: 1, gateway: 1 });
    expect(result.allKinds).toBe(4);
  });

  it('narrows the counts with text and profile, keeping broken first', () => {
    expect(filterFleet(fleet, { ...emptyFilter, text: '_a' }).items.map((r) => r.name)).toEqual(['gw_a', 'agent_a', 'mem_a']);
    const staging = filterFleet(fleet, { ...emptyFilter, profile: 'staging' });
    expect(staging.items.map((r) => r.name)).toEqual(['mem_a']);
    expect(staging.kindCounts).toEqual({ runtime: 0, harness: 0, memory: 1, gateway: 0 });
  });
});

describe('cells', () => {
  const cells: FleetCell[] = [
    { profile: 'prod', region: 'us-west-2', state: 'paused', error: { code: 'SessionExpired', message: 'Sign in again' }, polledAt: 100 },
    { profile: 'prod', region: 'eu-central-1', state: 'paused', error: { code: 'SessionExpired', message: 'Sign in again' }, polledAt: 300 },
    { profile: 'dev', region: 'us-east-1', state: 'error', error: { code: 'AccessDeniedException', message: 'no' } },
    { profile: 'dev', region: 'eu-west-1', state: 'ok', polledAt: 5 },
  ];

  it('groups paused cells into one banner per profile, with the latest data time', () => {
    expect(pausedProfiles(cells)).toEqual([
      { profile: 'prod', regions: ['eu-central-1', 'us-west-2'], reason: 'session-expired', lastPolledAt: 300, message: 'Sign in again' },
    ]);
    const never = pausedProfiles([
      { profile: 'sso', region: 'us-east-1', state: 'paused', error: { code: 'NotSignedIn', message: 'Not signed in — Sign in' } },
    ]);
    expect(never[0]?.reason).toBe('not-signed-in');
    expect(pausedProfiles([{ profile: 'x', region: 'us-east-1', state: 'paused' }])[0]?.reason).toBe('other');
  });

  it('lists failed cells one by one', () => {
    expect(failedCells(cells).map((c) => `${c.profile}/${c.region}`)).toEqual(['dev/us-east-1']);
  });

  it('says when the fleet on screen comes from the cache', () => {
    const clock = (ms: number): string => `t${ms}`;
    expect(freshnessLabel(5, true, clock)).toEqual({ text: 'Showing cached fleet from t5 — refreshing…', cached: true });
    expect(freshnessLabel(5, false, clock)).toEqual({ text: 'As of t5', cached: false });
    expect(freshnessLabel(null, true, clock)).toBeNull();
  });
});

describe('resource format', () => {
  it('reads lifecycle timeouts as people say them', () => {
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(28_800)).toBe('8 h');
    expect(formatDuration(5_400)).toBe('1 h 30 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(90_061)).toBe('1 d 1 h 1 min 1 s');
    expect(formatDuration(-1)).toBe('—');
  });

  it('flags an endpoint whose live version differs from its target', () => {
    expect(isRollingOut({ liveVersion: '3', targetVersion: '4' })).toBe(true);
    expect(isRollingOut({ liveVersion: '3', targetVersion: '3' })).toBe(false);
    expect(isRollingOut({ liveVersion: '3' })).toBe(false);
  });

  it('maps target statuses, showing pending auth as waiting rather than in progress', () => {
    expect(healthOf('SYNCHRONIZE_UNSUCCESSFUL')).toBe('failed');
    expect(statusIndicatorType('CREATE_PENDING_AUTH')).toBe('pending');
    expect(statusIndicatorType('UPDATING')).toBe('in-progress');
    expect(statusIndicatorType('ACTIVE')).toBe('success');
    expect(statusIndicatorType('SOMETHING_NEW')).toBe('stopped');
  });
});
