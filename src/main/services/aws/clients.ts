/**
 * Builds AWS SDK clients for one (profile, region) cell. The demo fleet and
 * real AWS differ only here: the demo points the same clients at the local
 * emulator with its demo key; real AWS resolves the profile's credentials.
 */
import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export type CredentialSource =
  | { kind: 'static'; credentials: AwsCredentialIdentity; endpoint: string }
  | { kind: 'profile' };

export interface CellClients {
  control: BedrockAgentCoreControlClient;
}

export class ClientFactory {
  private readonly cache = new Map<string, CellClients>();

  constructor(private readonly source: CredentialSource) {}

  forCell(profile: string, region: string): CellClients {
    const key = `${profile}|${region}`;
    let clients = this.cache.get(key);
    if (!clients) {
      const common = this.commonConfig(profile, region);
      // Retries are the poller's job (it backs off per cell); one SDK attempt keeps a throttled cell cheap.
      clients = { control: new BedrockAgentCoreControlClient({ ...common, maxAttempts: 2 }) };
      this.cache.set(key, clients);
    }
    return clients;
  }

  destroy(): void {
    for (const clients of this.cache.values()) clients.control.destroy();
    this.cache.clear();
  }

  private commonConfig(profile: string, region: string): { region: string; credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider; endpoint?: string } {
    if (this.source.kind === 'static') return { region, credentials: this.source.credentials, endpoint: this.source.endpoint };
    return { region, credentials: fromIni({ profile }) };
  }
}
