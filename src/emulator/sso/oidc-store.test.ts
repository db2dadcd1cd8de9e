import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/types';
import { normalizeUserCode, userCode } from './codes';
import { OidcStore } from './oidc-store';
import { Rng } from '../kit/rng';

function setup() {
  const clock = { t: 1_800_000_000_000 };
  const store = new OidcStore(7, () => clock.t);
  const client = store.registerClient('console', ['sso:account:access']);
  const auth = store.startDeviceAuthorization(client, 'https://d-123.awsapps.com/start');
  return { clock, store, client, auth };
}
const errorType = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AwsError ? `${e.type}:${String(e.extra.error)}` : 'other';
  }
  return 'none';
};

describe('user codes', () => {
  it('look like AWS codes and normalize user input', () => {
    expect(userCode(Rng.for(1, 'x'))).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(normalizeUserCode('bcdf ghjk')).toBe('BCDF-GHJK');
  });
});

describe('OidcStore device flow', () => {
  it('is pending, then slows fast pollers, then issues tokens once approved', () => {
    const { clock, store, client, auth } = setup();
    expect(errorType(() => store.pollDeviceCode(client, auth.deviceCode))).toBe('AuthorizationPendingException:authorization_pending');
    expect(errorType(() => store.pollDeviceCode(client, auth.deviceCode))).toBe('SlowDownException:slow_down');
    expect(store.decide(auth.userCode.toLowerCase(), true)?.state).toBe('approved');
    clock.t += 10_000;
    const issued = store.pollDeviceCode(client, auth.deviceCode);
    expect(issued.token.accessToken).toMatch(/^aoa/);
    expect(issued.refreshToken).toMatch(/^aor/);
    expect(store.validToken(issued.token.accessToken)).toBeDefined();
    clock.t += 10_000;
    expect(errorType(() => store.pollDeviceCode(client, auth.deviceCode))).toBe('InvalidGrantException:invalid_grant');
    const refreshed = store.refresh(client, issued.refreshToken);
    expect(refreshed.token.accessToken).not.toBe(issued.token.accessToken);
    expect(errorType(() => store.refresh(client, issued.refreshToken))).toBe('InvalidGrantException:invalid_grant');
    clock.t += 9 * 3600_000;
    expect(store.validToken(refreshed.token.accessToken)).toBeUndefined();
  });

  it('reports denial and expiry', () => {
    const { clock, store, client, auth } = setup();
    store.decide(auth.userCode, false);
    expect(errorType(() => store.pollDeviceCode(client, auth.deviceCode))).toBe('AccessDeniedException:access_denied');
    const late = store.startDeviceAuthorization(client, 'https://d-123.awsapps.com/start');
    clock.t += 601_000;
    expect(store.decide(late.userCode, true)).toBeUndefined();
    expect(errorType(() => store.pollDeviceCode(client, late.deviceCode))).toBe('ExpiredTokenException:expired_token');
  });

  it('rejects unknown clients and gives no refresh token to scope-less (legacy) clients', () => {
    const { store } = setup();
    expect(errorType(() => store.authenticate('nope', 'x'))).toBe('InvalidClientException:invalid_client');
    const legacy = store.registerClient('cli', []);
    const auth = store.startDeviceAuthorization(legacy, 'https://x');
    store.decide(auth.userCode, true);
    expect(store.pollDeviceCode(legacy, auth.deviceCode).refreshToken).toBeUndefined();
  });
});
