/**
 * The OIDC device-authorization state machine (RFC 8628 as AWS IAM Identity
 * Center runs it): registered clients, pending device codes that a person
 * approves or denies, polling rules (authorization_pending, slow_down,
 * expired_token, access_denied) and issued access/refresh tokens. Pure state
 * plus a clock, so every transition is unit-testable without HTTP.
 */
import { AwsError } from '../core/types';
import { Rng } from '../kit/rng';
import { normalizeUserCode, opaque, userCode } from './codes';

export const DEVICE_CODE_TTL_S = 600;
export const POLL_INTERVAL_S = 1;
export const ACCESS_TOKEN_TTL_S = 8 * 3600;
const CLIENT_SECRET_TTL_S = 90 * 24 * 3600;

/** OIDC errors carry RFC 6749 `error` / `error_description` fields beside the SDK's exception name. */
export function oidcError(status: number, type: string, error: string, description: string): AwsError {
  return new AwsError(status, type, description, { error, error_description: description });
}

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  secretExpiresAt: number; // ms
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number; // ms
  interval: number; // s
  state: 'pending' | 'approved' | 'denied' | 'consumed';
  lastPollAt?: number;
}

export interface IssuedToken {
  accessToken: string;
  clientId: string;
  scopes: string[];
  expiresAt: number; // ms
}

export class OidcStore {
  readonly clients = new Map<string, OidcClient>();
  readonly devices = new Map<string, DeviceAuthorization>();
  private readonly byUserCode = new Map<string, DeviceAuthorization>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, { clientId: string; scopes: string[] }>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  private rng(kind: string): Rng {
    return Rng.for(this.seed, 'oidc', kind, this.counter++);
  }

  registerClient(clientName: string, scopes: string[]): OidcClient {
    const client: OidcClient = {
      clientId: opaque(this.rng('client'), '', 22),
      clientSecret: opaque(this.rng('secret'), 'eyJraWQiOiJrZXktMTU2', 420),
      clientName,
      scopes,
      secretExpiresAt: this.now() + CLIENT_SECRET_TTL_S * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  authenticate(clientId: string | undefined, clientSecret: string | undefined): OidcClient {
    const client = clientId ? this.clients.get(clientId) : undefined;
    if (!client || client.clientSecret !== clientSecret) throw oidcError(401, 'InvalidClientException', 'invalid_client', 'Invalid client provided');
    if (client.secretExpiresAt <= this.now()) throw oidcError(401, 'InvalidClientException', 'invalid_client', 'Client credentials have expired');
    return client;
  }

  startDeviceAuthorization(client: OidcClient, startUrl: string): DeviceAuthorization {
    let code = userCode(this.rng('user-code'));
    while (this.byUserCode.has(code)) code = userCode(this.rng('user-code'));
    const auth: DeviceAuthorization = {
      deviceCode: opaque(this.rng('device'), '', 86),
      userCode: code,
      clientId: client.clientId,
      startUrl,
      expiresAt: this.now() + DEVICE_CODE_TTL_S * 1000,
      interval: POLL_INTERVAL_S,
      state: 'pending',
    };
    this.devices.set(auth.deviceCode, auth);
    this.byUserCode.set(code, auth);
    return auth;
  }

  /** The person at the verification page approved (or denied) the code. Returns undefined for unknown or expired codes. */
  decide(rawUserCode: string, approve: boolean): DeviceAuthorization | undefined {
    const auth = this.byUserCode.get(normalizeUserCode(rawUserCode));
    if (!auth || auth.state !== 'pending' || auth.expiresAt <= this.now()) return undefined;
    auth.state = approve ? 'approved' : 'denied';
    return auth;
  }

  /** One CreateToken poll with grant type device_code. */
  pollDeviceCode(client: OidcClient, deviceCode: string | undefined): { token: IssuedToken; refreshToken?: string } {
    const auth = deviceCode ? this.devices.get(deviceCode) : undefined;
    if (!auth || auth.clientId !== client.clientId || auth.state === 'consumed')
      throw oidcError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid device code provided');
    const now = this.now();
    if (auth.expiresAt <= now) throw oidcError(400, 'ExpiredTokenException', 'expired_token', 'Device code has expired');
    if (auth.state === 'denied') throw oidcError(400, 'AccessDeniedException', 'access_denied', 'Access denied by the user');
    const tooSoon = auth.lastPollAt !== undefined && now - auth.lastPollAt < auth.interval * 1000;
    auth.lastPollAt = now;
    if (tooSoon) {
      // RFC 8628 §3.5: a client that polls too fast must add 5 s to its interval.
      auth.interval += 5;
      throw oidcError(400, 'SlowDownException', 'slow_down', 'Client is polling too quickly');
    }
    if (auth.state === 'pending') throw oidcError(400, 'AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
    auth.state = 'consumed';
    return this.issue(client);
  }

  refresh(client: OidcClient, refreshToken: string | undefined): { token: IssuedToken; refreshToken?: string } {
    const entry = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    if (!entry || entry.clientId !== client.clientId) throw oidcError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');
    this.refreshTokens.delete(refreshToken!); // rotated, as Identity Center does
    return this.issue(client);
  }

  /** Refresh tokens are only issued to clients registered with scopes (the sso-session flow). */
  private issue(client: OidcClient): { token: IssuedToken; refreshToken?: string } {
    const token: IssuedToken = {
      accessToken: opaque(this.rng('access'), 'aoa', 300),
      clientId: client.clientId,
      scopes: client.scopes,
      expiresAt: this.now() + ACCESS_TOKEN_TTL_S * 1000,
    };
    this.tokens.set(token.accessToken, token);
    if (client.scopes.length === 0) return { token };
    const refreshToken = opaque(this.rng('refresh'), 'aor', 300);
    this.refreshTokens.set(refreshToken, { clientId: client.clientId, scopes: client.scopes });
    return { token, refreshToken };
  }

  /** Portal check: the bearer token is known and unexpired. */
  validToken(accessToken: string | undefined): IssuedToken | undefined {
    const token = accessToken ? this.tokens.get(accessToken) : undefined;
    return token && token.expiresAt > this.now() ? token : undefined;
  }

  revoke(accessToken: string): void {
    this.tokens.delete(accessToken);
  }

  clear(): void {
    this.clients.clear();
    this.devices.clear();
    this.byUserCode.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
  }
}
