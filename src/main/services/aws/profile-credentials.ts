/**
 * One credential provider per profile, from `@aws-sdk/credential-providers`,
 * chosen by the profile's kind: fromSSO (after the console has made sure the
 * cached token is fresh, so an expired session becomes a clear "Session
 * expired — Sign in" instead of an SDK message), fromIni (static keys and
 * role chains), fromProcess and fromEnv. Failures become specific errors
 * whose name is the code the fleet shows; secrets never reach a message.
 */
import { fromEnv, fromIni, fromProcess, fromSSO } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { redactString } from '../log/redact';
import { ENV_PROFILE, type ResolvedProfile } from './profile-catalog';
import type { SsoAuthService } from './sso-auth-service';
import type { SsoClients } from './sso-clients';
import type { SharedConfigPaths } from './shared-config-files';

/** A credentials failure with a code of its own (its name), so the fleet cell says what is wrong. */
export class CredentialsError extends Error {
  constructor(code: 'CredentialProcessFailed' | 'ProfileNotFound' | 'ProfileMisconfigured' | 'CredentialsUnavailable', message: string) {
    super(message);
    this.name = code;
  }
}

export interface ProfileCredentialsOptions {
  profiles: () => { profiles: ResolvedProfile[]; paths: SharedConfigPaths };
  auth: Pick<SsoAuthService, 'accessToken'>;
  ssoClients: Pick<SsoClients, 'portalConfig'>;
  /** STS endpoint override for role chains (the emulator in tests). */
  stsEndpoint?: string;
}

export class ProfileCredentials {
  constructor(private readonly options: ProfileCredentialsOptions) {}

  providerFor(name: string): AwsCredentialIdentityProvider {
    // Resolved per call, not per provider, so an edited config file is picked up without a restart.
    return async () => {
      const { profiles, paths } = this.options.profiles();
      // With only AWS_ACCESS_KEY_ID… set, the console's default cell ("default") uses them, as the SDK's default chain would.
      const profile = profiles.find((p) => p.name === name) ?? (name === 'default' ? profiles.find((p) => p.kind === 'env') : undefined);
      if (!profile) throw new CredentialsError('ProfileNotFound', `No AWS profile named "${name}" in ${paths.config} or ${paths.credentials}.`);
      // A malformed line elsewhere in the section is reported but does not stop the profile; a missing setting does.
      const blocking = profile.problems.find((p) => p.code !== 'MalformedLine');
      if (blocking) throw new CredentialsError('ProfileMisconfigured', blocking.message);
      return this.resolve(profile, paths);
    };
  }

  private async resolve(profile: ResolvedProfile, paths: SharedConfigPaths): Promise<AwsCredentialIdentity> {
    const files = { filepath: paths.credentials, configFilepath: paths.config };
    switch (profile.kind) {
      case 'env':
        return wrap(profile.name, fromEnv());
      case 'sso':
      case 'sso-legacy': {
        // Throws SessionError (SessionExpired / NotSignedIn) before the SDK gets a chance to say it less clearly.
        await this.options.auth.accessToken(profile.name);
        const clientConfig = this.options.ssoClients.portalConfig(profile.sso?.region ?? 'us-east-1');
        return wrap(profile.name, fromSSO({ profile: profile.name, ...files, clientConfig }));
      }
      case 'process':
        return wrap(profile.name, fromProcess({ profile: profile.name, ...files }));
      case 'static':
      case 'assume-role':
        return wrap(
          profile.name,
          fromIni({ profile: profile.name, ...files, ...(this.options.stsEndpoint ? { clientConfig: { endpoint: this.options.stsEndpoint } } : {}) }),
        );
      default:
        throw new CredentialsError('ProfileMisconfigured', `Profile "${profile.name}" has no credentials the console can use.`);
    }
  }
}

async function wrap(profile: string, provider: AwsCredentialIdentityProvider): Promise<AwsCredentialIdentity> {
  try {
    return await provider();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^Command failed/i.test(message)) {
      // exec's message is "Command failed: <command>\n<stderr>": the command line may carry secrets, so show stderr only.
      const stderr = message.split('\n').slice(1).join(' ').trim();
      throw new CredentialsError(
        'CredentialProcessFailed',
        redactString(`credential_process for profile "${profile}" exited with an error${stderr ? `: ${stderr.slice(0, 300)}` : ' (no output on stderr)'}.`),
      );
    }
    if (/credential_process/i.test(message)) throw new CredentialsError('CredentialProcessFailed', redactString(message));
    if (profile === ENV_PROFILE) throw new CredentialsError('CredentialsUnavailable', redactString(message));
    throw error;
  }
}
