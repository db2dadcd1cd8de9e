/**
 * Wires the credentials half of the console: profiles from the shared files,
 * SSO sign-in with a CLI-compatible token cache, one credential provider per
 * profile for the client factory, and the link to the fleet (an expired
 * session pauses that profile's cells; a sign-in resumes them).
 */
import type { FeatureModule } from '../../app/feature-module';
import type { AuthChanged } from '../../../shared/profiles';
import type { Logger } from '../log/logger';
import { ProfileCredentials } from './profile-credentials';
import { ProfilesService } from './profiles-service';
import { NOT_SIGNED_IN_MESSAGE, SESSION_EXPIRED_MESSAGE, SsoAuthService } from './sso-auth-service';
import { resolveEndpoints, SsoClients, type AwsEndpoints } from './sso-clients';
import { defaultSsoCacheDir, SsoTokenCache } from './sso-token-cache';

export interface CredentialServicesOptions {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  emit: (change: AuthChanged) => void;
  /** Opens the sign-in page in the person's browser (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<void> | void;
  /** One endpoint for every AWS service (the emulator); else AWS_ENDPOINT_URL(_<SERVICE>) from env. */
  endpoint?: string;
  /** Default: ~/.aws/sso/cache, shared with the AWS CLI. */
  ssoCacheDir?: string;
  now?: () => number;
}

export interface CredentialsModule extends FeatureModule<'profiles.list' | 'auth.signIn' | 'auth.cancel' | 'auth.signOut'> {
  profiles: ProfilesService;
  auth: SsoAuthService;
  providers: ProfileCredentials;
  endpoints: AwsEndpoints;
  /** Pause/resume the fleet with the sessions, and drop memoized role credentials when a session changes. */
  connectFleet(
    fleet: { pauseProfile(profile: string, reason: { code: string; message: string }): void; resumeProfile(profile: string): void },
    clients: { forgetProfile(profile: string): void },
  ): void;
  close(): void;
}

export function createCredentialsModule(options: CredentialServicesOptions): CredentialsModule {
  const logger = options.logger.child({ service: 'credentials' });
  const endpoints = resolveEndpoints(options.env, options.endpoint);
  const ssoClients = new SsoClients(endpoints);
  const profiles = new ProfilesService({ env: options.env, ...(options.now ? { now: options.now } : {}) });
  const auth = new SsoAuthService({
    profiles: () => profiles.catalog().profiles,
    cache: new SsoTokenCache(options.ssoCacheDir ?? defaultSsoCacheDir(options.env)),
    clients: ssoClients,
    openExternal: options.openExternal ?? ((): void => logger.info('no browser to open; the renderer shows the sign-in code and URL')),
    emit: options.emit,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const providers = new ProfileCredentials({ profiles: () => profiles.catalog(), auth, ssoClients, ...(endpoints.sts ? { stsEndpoint: endpoints.sts } : {}) });
  let unsubscribe = (): unknown => undefined;

  return {
    methods: {
      'profiles.list': async () => profiles.list(auth),
      'auth.signIn': async ({ profile }) => auth.signIn(profile),
      'auth.cancel': async ({ profile }) => auth.cancel(profile),
      'auth.signOut': async ({ profile }) => auth.signOut(profile),
    },
    streams: {},
    profiles,
    auth,
    providers,
    endpoints,
    connectFleet(fleet, clients) {
      unsubscribe = auth.onSessionState((profile, state) => {
        if (state === 'signed-in') return fleet.resumeProfile(profile);
        // Role credentials the SDK memoized must not outlive the session they came from (sign-out, expiry).
        clients.forgetProfile(profile);
        fleet.pauseProfile(
          profile,
          state === 'expired' ? { code: 'SessionExpired', message: SESSION_EXPIRED_MESSAGE } : { code: 'NotSignedIn', message: NOT_SIGNED_IN_MESSAGE },
        );
      });
      auth.start();
      void auth.check().catch((error: unknown) => logger.warn('initial sso check failed', { error: String(error) }));
    },
    close() {
      unsubscribe();
      auth.stop();
      ssoClients.destroy();
    },
  };
}
