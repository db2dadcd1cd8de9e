import { describe, expect, it } from 'vitest';
import type { FleetResource } from '../../../shared/fleet';
import { candidatesOf, deletedIdentity, isFailing } from './selection';

const r = (name: string, status = 'READY', kind: FleetResource['kind'] = 'runtime'): FleetResource => ({
  key: `p|us-east-1|${kind}|${name}-ABCDEFGHIJ`,
  kind,
  id: `${name}-ABCDEFGHIJ`,
  arn: `arn:aws:bedrock-agentcore:us-east-1:123456789012:${kind}/${name}`,
  name,
  profile: 'p',
  accountId: '123456789012',
  region: 'us-east-1',
  status,
  health: 'ok',
});
const fleet = [r('a'), r('b', 'UPDATE_FAILED'), r('mem', 'ACTIVE', 'memory')];
const SLO = { errorRatePct: 5, p99Ms: 10_000 };

describe('candidatesOf', () => {
  it('reads every runtime for "all" and "failing" (failing is decided on the figures), never other kinds', () => {
    expect(candidatesOf({ kind: 'all' }, fleet).runtimes.map((x) => x.name)).toEqual(['a', 'b']);
    expect(candidatesOf({ kind: 'failing' }, fleet).runtimes.map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('keeps named keys once each, in order, and names the ones the fleet no longer has', () => {
    const gone = 'p|us-east-1|runtime|gone-ABCDEFGHIJ';
    const c = candidatesOf({ kind: 'agents', agentKeys: [fleet[1]!.key, gone, fleet[1]!.key, fleet[0]!.key] }, fleet);
    expect(c.runtimes.map((x) => x.name)).toEqual(['b', 'a']);
    expect(c.missing).toEqual([gone]);
  });
});

describe('isFailing', () => {
  it('is a failed status, an open breach, or an error rate over the SLO', () => {
    expect(isFailing(r('x', 'UPDATE_FAILED'), null, SLO, false)).toBe(true);
    expect(isFailing(r('x'), null, SLO, true)).toBe(true);
    expect(isFailing(r('x'), 5.1, SLO, false)).toBe(true);
    expect(isFailing(r('x'), 5, SLO, false)).toBe(false);
    expect(isFailing(r('x', 'UPDATING'), null, SLO, false)).toBe(false);
  });
});

describe('deletedIdentity', () => {
  it('takes the cell from the key and the name as last seen, else from the runtime id', () => {
    expect(deletedIdentity('prod|eu-west-1|runtime|checkout_agent-AbC1234567', undefined)).toEqual({
      name: 'checkout_agent',
      profile: 'prod',
      region: 'eu-west-1',
    });
    expect(deletedIdentity('prod|eu-west-1|runtime|checkout_agent-AbC1234567', 'Checkout')).toMatchObject({ name: 'Checkout' });
  });
});
