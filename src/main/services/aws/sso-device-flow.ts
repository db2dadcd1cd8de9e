/**
 * The OIDC device authorization grant as IAM Identity Center runs it
 * (RegisterClient → StartDeviceAuthorization → poll CreateToken), and the
 * refresh_token grant. Pure protocol over an SSOOIDCClient: no files, no
 * events. Polling waits `interval` seconds between polls, adds 5 s on
 * SlowDown (RFC 8628 §3.5) and stops at the code's expiry or on abort.
 */
import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  RegisterClientCommand,
  SlowDownException,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const CLIENT_NAME = 'agentcore-ops-console';

/** A sign-in failure with a code the renderer can act on; the message never contains a token or code. */
export class SignInError extends Error {
  constructor(
    readonly code: 'AccessDenied' | 'CodeExpired' | 'Cancelled' | 'SignInFailed' | 'RefreshFailed',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Epoch ms. */
  expiresAt: number;
  intervalSeconds: number;
}

export interface IssuedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken?: string;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export async function registerClient(client: SSOOIDCClient, scopes: string[], now: () => number): Promise<ClientRegistration> {
  const out = await client.send(new RegisterClientCommand({ clientName: CLIENT_NAME, clientType: 'public', ...(scopes.length ? { scopes } : {}) }));
  if (!out.clientId || !out.clientSecret) throw new SignInError('SignInFailed', 'IAM Identity Center did not return a client registration.');
  // clientSecretExpiresAt is epoch seconds; assume 90 days (AWS's value) if absent.
  return {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt: out.clientSecretExpiresAt ? out.clientSecretExpiresAt * 1000 : now() + 90 * 86_400_000,
  };
}

export async function startDeviceAuthorization(
  client: SSOOIDCClient,
  registration: ClientRegistration,
  startUrl: string,
  now: () => number,
): Promise<DeviceAuthorization> {
  const out = await client.send(new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl }));
  if (!out.deviceCode || !out.userCode || !out.verificationUri) throw new SignInError('SignInFailed', 'IAM Identity Center did not return a device code.');
  return {
    deviceCode: out.deviceCode,
    userCode: out.userCode,
    verificationUri: out.verificationUri,
    ...(out.verificationUriComplete ? { verificationUriComplete: out.verificationUriComplete } : {}),
    expiresAt: now() + (out.expiresIn ?? 600) * 1000,
    intervalSeconds: out.interval && out.interval > 0 ? out.interval : 5,
  };
}

export interface PollOptions {
  now: () => number;
  sleep: Sleep;
  signal: AbortSignal;
}

/** Polls CreateToken until the person approves, denies, the code expires, or `signal` aborts. */
export async function pollForToken(
  client: SSOOIDCClient,
  registration: ClientRegistration,
  auth: DeviceAuthorization,
  options: PollOptions,
): Promise<IssuedToken> {
  let interval = auth.intervalSeconds;
  for (;;) {
    await options.sleep(interval * 1000, options.signal);
    if (options.signal.aborted) throw new SignInError('Cancelled', 'Sign-in was cancelled.');
    if (options.now() >= auth.expiresAt) throw codeExpired();
    try {
      const out = await client.send(
        new CreateTokenCommand({
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: auth.deviceCode,
        }),
        { abortSignal: options.signal },
      );
      return issued(out, options.now);
    } catch (error) {
      if (options.signal.aborted) throw new SignInError('Cancelled', 'Sign-in was cancelled.');
      if (error instanceof AuthorizationPendingException) continue;
      if (error instanceof SlowDownException) {
        interval += 5;
        continue;
      }
      if (error instanceof ExpiredTokenException) throw codeExpired();
      if (error instanceof AccessDeniedException) throw new SignInError('AccessDenied', 'The sign-in request was denied in the browser.');
      throw error;
    }
  }
}

export async function refreshAccessToken(
  client: SSOOIDCClient,
  registration: { clientId: string; clientSecret: string },
  refreshToken: string,
  now: () => number,
): Promise<IssuedToken> {
  const out = await client.send(
    new CreateTokenCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: 'refresh_token', refreshToken }),
  );
  return issued(out, now);
}

function issued(out: { accessToken?: string; expiresIn?: number; refreshToken?: string }, now: () => number): IssuedToken {
  if (!out.accessToken) throw new SignInError('SignInFailed', 'IAM Identity Center did not return an access token.');
  return { accessToken: out.accessToken, expiresAt: now() + (out.expiresIn ?? 3600) * 1000, ...(out.refreshToken ? { refreshToken: out.refreshToken } : {}) };
}

const codeExpired = (): SignInError => new SignInError('CodeExpired', 'The sign-in code expired before it was approved. Start the sign-in again.');

/** A sleep that ends early when the signal aborts, so cancel is immediate. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
