/**
 * IAM Identity Center sessions for the console: sign-in (device flow, with
 * the browser opened through the injected `openExternal`), refresh before
 * expiry, sign-out, and the state of every SSO profile. Profiles that share
 * an sso-session share its token, so a change is announced for each of them.
 *
 * The token lives only in the CLI-format cache file and in this process; what
 * leaves it (events, return values, log lines) is profile names, user codes,
 * URLs and times.
 */
import { LogoutCommand } from '@aws-sdk/client-sso';
import type { AuthChanged, SignInStarted } from '../../../shared/profiles';
import { ApiError } from '../../../shared/errors';
import { safeExternalUrl } from '../../../shared/external-url';
import type { Logger } from '../log/logger';
import { describeAwsError } from './describe-error';
import type { ResolvedProfile } from './profile-catalog';
import type { SsoClients } from './sso-clients';
import {
  abortableSleep,
  pollForToken,
  refreshAccessToken,
  registerClient,
  SignInError,
  startDeviceAuthorization,
  type ClientRegistration,
  type Sleep,
} from './sso-device-flow';
import { isoSeconds, type CachedSsoToken, type SsoTokenCache } from './sso-token-cache';

export type SessionState = 'signed-in' | 'expired' | 'not-signed-in';

/** Thrown by `accessToken`; the name becomes the fleet cell's error code. */
export class SessionError extends Error {
  constructor(
    readonly code: 'SessionExpired' | 'NotSignedIn',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}
export const SESSION_EXPIRED_MESSAGE = 'Session expired — Sign in';
export const NOT_SIGNED_IN_MESSAGE = 'Not signed in — Sign in';

export interface SsoAuthOptions {
  profiles: () => ResolvedProfile[];
  cache: SsoTokenCache;
  clients: Pick<SsoClients, 'oidc' | 'portal'>;
  openExternal: (url: string) => Promise<void> | void;
  emit: (change: AuthChanged) => void;
  logger: Logger;
  now?: () => number;
  sleep?: Sleep;
  /** Refresh this long before expiry (default 15 min; the SDK's own window is 5). */
  refreshWindowMs?: number;
}

interface Pending {
  started: SignInStarted;
  controller: AbortController;
  done: Promise<void>;
}

type SsoProfile = ResolvedProfile & { sso: NonNullable<ResolvedProfile['sso']> };
const isSso = (p: ResolvedProfile): p is SsoProfile => p.sso !== undefined;

export class SsoAuthService {
  private readonly pending = new Map<string, Pending>();
  private readonly states = new Map<string, SessionState>();
  private readonly refreshing = new Map<string, Promise<CachedSsoToken | undefined>>();
  private readonly listeners = new Set<(profile: string, state: SessionState) => void>();
  private readonly now: () => number;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: SsoAuthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Called with every SSO profile whose session state changes (the fleet pauses or resumes its cells). */
  onSessionState(listener: (profile: string, state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The state and expiry of a profile's cached token, read from the cache (so a CLI sign-in shows at once). */
  status(profile: ResolvedProfile): { state: SessionState; expiresAt?: number } {
    if (!isSso(profile)) return { state: 'signed-in' };
    const token = this.options.cache.read(profile.sso.cacheKey);
    if (!token) return { state: 'not-signed-in' };
    const expiresAt = Date.parse(token.expiresAt);
    return { state: expiresAt > this.now() ? 'signed-in' : 'expired', expiresAt };
  }

  pendingSignIn(profile: ResolvedProfile): SignInStarted | undefined {
    return isSso(profile) ? this.pending.get(profile.sso.cacheKey)?.started : undefined;
  }

  /** Starts a device-flow sign-in (or returns the one already waiting) and opens the browser. */
  async signIn(name: string): Promise<SignInStarted> {
    const profile = this.ssoProfile(name);
    const key = profile.sso.cacheKey;
    const existing = this.pending.get(key);
    if (existing) return { ...existing.started, profile: name };

    const region = profile.sso.region!;
    const oidc = this.options.clients.oidc(region);
    let registration: ClientRegistration;
    let auth;
    try {
      registration = this.reusableRegistration(key) ?? (await registerClient(oidc, profile.sso.scopes, this.now));
      auth = await startDeviceAuthorization(oidc, registration, profile.sso.startUrl, this.now);
    } catch (error) {
      const described = describeAwsError(error);
      this.options.logger.warn('sso sign-in could not start', { profile: name, code: described.code, message: described.message });
      throw new ApiError('aws_error', `Sign-in for "${name}" could not start: ${described.message}`, { awsCode: described.code });
    }
    const started: SignInStarted = {
      profile: name,
      userCode: auth.userCode,
      verificationUri: auth.verificationUri,
      ...(auth.verificationUriComplete ? { verificationUriComplete: auth.verificationUriComplete } : {}),
      expiresAt: auth.expiresAt,
    };
    const controller = new AbortController();
    const done = this.complete(profile, registration, auth, controller.signal);
    this.pending.set(key, { started, controller, done });
    for (const p of this.sharing(key))
      this.options.emit({ profile: p, state: 'pending', userCode: started.userCode, verificationUri: started.verificationUri, expiresAt: started.expiresAt });
    this.options.logger.info('sso sign-in started', { profile: name, userCode: started.userCode });
    const url = started.verificationUriComplete ?? started.verificationUri;
    try {
      if (safeExternalUrl(url, { allowLoopbackHttp: true })) await this.options.openExternal(url);
      else this.options.logger.warn('not opening a sign-in URL that is neither https nor loopback http', { profile: name });
    } catch (error) {
      // The renderer shows the code and URL too, so the person can still open it by hand.
      this.options.logger.warn('could not open the browser for sign-in', { profile: name, error: describeAwsError(error).message });
    }
    return started;
  }

  /** Resolves when the pending sign-in of this profile (if any) has finished, whatever the outcome. */
  async settled(name: string): Promise<void> {
    await this.pending.get(this.ssoProfile(name).sso.cacheKey)?.done;
  }

  cancel(name: string): { cancelled: boolean } {
    const pending = this.pending.get(this.ssoProfile(name).sso.cacheKey);
    pending?.controller.abort();
    return { cancelled: pending !== undefined };
  }

  /**
   * Like `aws sso logout`, for this profile's session only: revoke the token at the portal (best effort), then
   * delete the shared cache file — so the CLI is signed out of that session too. Other sessions stay signed in.
   */
  async signOut(name: string): Promise<{ signedOut: string[] }> {
    const profile = this.ssoProfile(name);
    const key = profile.sso.cacheKey;
    this.pending.get(key)?.controller.abort();
    const token = this.options.cache.read(key);
    if (token && Date.parse(token.expiresAt) > this.now()) {
      try {
        await this.options.clients.portal(token.region || profile.sso.region!).send(new LogoutCommand({ accessToken: token.accessToken }));
      } catch (error) {
        this.options.logger.warn('sso logout call failed; removing the cached token anyway', { profile: name, code: describeAwsError(error).code });
      }
    }
    this.options.cache.remove(key);
    const affected = this.sharing(key);
    for (const p of affected) this.options.emit({ profile: p, state: 'signed-out' });
    this.transition(key, 'not-signed-in');
    this.options.logger.info('sso signed out', { profile: name, profiles: affected });
    return { signedOut: affected };
  }

  /** A valid access token for the profile, refreshed first when close to expiry. Throws SessionError otherwise. */
  async accessToken(name: string): Promise<string> {
    const profile = this.ssoProfile(name);
    const key = profile.sso.cacheKey;
    let token = this.options.cache.read(key);
    if (token && this.needsRefresh(token)) token = (await this.refresh(key)) ?? token;
    if (!token) {
      this.transition(key, 'not-signed-in');
      throw new SessionError('NotSignedIn', NOT_SIGNED_IN_MESSAGE);
    }
    if (Date.parse(token.expiresAt) <= this.now()) {
      this.transition(key, 'expired');
      throw new SessionError('SessionExpired', SESSION_EXPIRED_MESSAGE);
    }
    this.transition(key, 'signed-in');
    return token.accessToken;
  }

  /** One pass over every SSO session: refresh what is due, announce what expired or was signed in elsewhere. */
  async check(): Promise<void> {
    const keys = new Set(
      this.options
        .profiles()
        .filter(isSso)
        .map((p) => p.sso.cacheKey),
    );
    for (const key of keys) {
      let token = this.options.cache.read(key);
      if (token && this.needsRefresh(token)) token = (await this.refresh(key)) ?? token;
      this.transition(key, !token ? 'not-signed-in' : Date.parse(token.expiresAt) > this.now() ? 'signed-in' : 'expired');
    }
  }

  start(intervalMs = 60_000): void {
    this.timer = setInterval(
      () => void this.check().catch((error: unknown) => this.options.logger.warn('sso check failed', { error: describeAwsError(error).message })),
      intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const p of this.pending.values()) p.controller.abort();
  }

  private async complete(profile: SsoProfile, registration: ClientRegistration, auth: Parameters<typeof pollForToken>[2], signal: AbortSignal): Promise<void> {
    const key = profile.sso.cacheKey;
    const region = profile.sso.region!;
    try {
      const issued = await pollForToken(this.options.clients.oidc(region), registration, auth, {
        now: this.now,
        sleep: this.options.sleep ?? abortableSleep,
        signal,
      });
      this.options.cache.write(key, {
        startUrl: profile.sso.startUrl,
        region,
        accessToken: issued.accessToken,
        expiresAt: isoSeconds(issued.expiresAt),
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        registrationExpiresAt: isoSeconds(registration.expiresAt),
        ...(issued.refreshToken ? { refreshToken: issued.refreshToken } : {}),
      });
      this.pending.delete(key);
      for (const p of this.sharing(key)) this.options.emit({ profile: p, state: 'signed-in', expiresAt: issued.expiresAt });
      this.states.delete(key); // always announce: a re-sign-in must resume paused cells
      this.transition(key, 'signed-in');
      this.options.logger.info('sso signed in', { profile: profile.name, expiresAt: isoSeconds(issued.expiresAt) });
    } catch (error) {
      this.pending.delete(key);
      const failure = error instanceof SignInError ? error : undefined;
      const described = failure ? { code: failure.code, message: failure.message } : describeAwsError(error);
      const state = failure?.code === 'Cancelled' ? 'cancelled' : 'failed';
      for (const p of this.sharing(key)) this.options.emit({ profile: p, state, code: described.code, reason: described.message });
      this.options.logger.warn('sso sign-in ended without a token', { profile: profile.name, code: described.code, message: described.message });
    }
  }

  /** Single-flight refresh with the refresh token; undefined when not possible or refused (the caller decides). */
  private refresh(key: string): Promise<CachedSsoToken | undefined> {
    let inFlight = this.refreshing.get(key);
    if (!inFlight) {
      inFlight = this.doRefresh(key).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, inFlight);
    }
    return inFlight;
  }

  private async doRefresh(key: string): Promise<CachedSsoToken | undefined> {
    const token = this.options.cache.read(key);
    if (!token?.refreshToken || !token.clientId || !token.clientSecret) return undefined;
    if (token.registrationExpiresAt && Date.parse(token.registrationExpiresAt) <= this.now()) return undefined;
    try {
      const issued = await refreshAccessToken(
        this.options.clients.oidc(token.region),
        { clientId: token.clientId, clientSecret: token.clientSecret },
        token.refreshToken,
        this.now,
      );
      const next: CachedSsoToken = {
        ...token,
        accessToken: issued.accessToken,
        expiresAt: isoSeconds(issued.expiresAt),
        ...(issued.refreshToken ? { refreshToken: issued.refreshToken } : {}),
      };
      this.options.cache.write(key, next);
      // The renderer shows time left per profile; a refresh moves it.
      for (const p of this.sharing(key)) this.options.emit({ profile: p, state: 'signed-in', expiresAt: issued.expiresAt });
      this.options.logger.info('sso token refreshed', { session: key, expiresAt: next.expiresAt });
      return next;
    } catch (error) {
      const described = describeAwsError(error);
      this.options.logger.warn('sso token refresh failed', { session: key, code: described.code, message: described.message });
      return undefined;
    }
  }

  private needsRefresh(token: CachedSsoToken): boolean {
    return Date.parse(token.expiresAt) - this.now() <= (this.options.refreshWindowMs ?? 15 * 60_000) && token.refreshToken !== undefined;
  }

  private transition(key: string, state: SessionState): void {
    if (this.states.get(key) === state) return;
    this.states.set(key, state);
    for (const profile of this.sharing(key)) {
      if (state === 'expired') this.options.emit({ profile, state: 'expired', code: 'SessionExpired', reason: SESSION_EXPIRED_MESSAGE });
      for (const listener of this.listeners) listener(profile, state);
    }
  }

  private reusableRegistration(key: string): ClientRegistration | undefined {
    const token = this.options.cache.read(key);
    if (!token?.clientId || !token.clientSecret || !token.registrationExpiresAt) return undefined;
    const expiresAt = Date.parse(token.registrationExpiresAt);
    // Keep a day of margin so a registration never expires in the middle of a session.
    return expiresAt - this.now() > 86_400_000 ? { clientId: token.clientId, clientSecret: token.clientSecret, expiresAt } : undefined;
  }

  private sharing(key: string): string[] {
    return this.options
      .profiles()
      .filter((p) => p.sso?.cacheKey === key)
      .map((p) => p.name);
  }

  private ssoProfile(name: string): SsoProfile {
    const profile = this.options.profiles().find((p) => p.name === name);
    if (!profile) throw new ApiError('not_found', `No AWS profile named "${name}".`);
    if (!isSso(profile)) throw new ApiError('invalid_input', `Profile "${name}" is a ${profile.kind} profile; only SSO profiles sign in.`);
    const blocking =
      profile.problems.find((p) => p.code === 'MissingSsoSession') ?? (!profile.sso.startUrl || !profile.sso.region ? profile.problems[0] : undefined);
    if (blocking || !profile.sso.startUrl || !profile.sso.region)
      throw new ApiError('invalid_input', blocking?.message ?? `Profile "${name}" has no SSO start URL or region.`);
    return profile;
  }
}
