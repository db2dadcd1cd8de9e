/**
 * SDK clients for IAM Identity Center (OIDC for sign-in and refresh, the
 * portal for role credentials and logout), one per SSO region, pointable at
 * a local endpoint (the emulator) like every other client of the console.
 */
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/** Endpoint overrides, resolved once: an explicit option wins, then the per-service env var, then AWS_ENDPOINT_URL. */
export interface AwsEndpoints {
  control?: string;
  ssoOidc?: string;
  ssoPortal?: string;
  sts?: string;
}

export function resolveEndpoints(env: NodeJS.ProcessEnv, explicit?: string): AwsEndpoints {
  const pick = (specific: string | undefined): string | undefined => explicit || specific || env.AWS_ENDPOINT_URL || undefined;
  return {
    control: pick(env.AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL),
    ssoOidc: pick(env.AWS_ENDPOINT_URL_SSO_OIDC),
    ssoPortal: pick(env.AWS_ENDPOINT_URL_SSO),
    sts: pick(env.AWS_ENDPOINT_URL_STS),
  };
}

export class SsoClients {
  private readonly oidcByRegion = new Map<string, SSOOIDCClient>();
  private readonly portalByRegion = new Map<string, SSOClient>();

  constructor(private readonly endpoints: Pick<AwsEndpoints, 'ssoOidc' | 'ssoPortal'>) {}

  /** Config for clients the SDK builds itself (fromSSO's portal and refresh clients). */
  portalConfig(region: string): { region: string; endpoint?: string } {
    return { region, ...(this.endpoints.ssoPortal ? { endpoint: this.endpoints.ssoPortal } : {}) };
  }

  oidc(region: string): SSOOIDCClient {
    let client = this.oidcByRegion.get(region);
    if (!client) {
      client = new SSOOIDCClient({ region, ...(this.endpoints.ssoOidc ? { endpoint: this.endpoints.ssoOidc } : {}) });
      this.oidcByRegion.set(region, client);
    }
    return client;
  }

  portal(region: string): SSOClient {
    let client = this.portalByRegion.get(region);
    if (!client) {
      client = new SSOClient(this.portalConfig(region));
      this.portalByRegion.set(region, client);
    }
    return client;
  }

  destroy(): void {
    for (const c of this.oidcByRegion.values()) c.destroy();
    for (const c of this.portalByRegion.values()) c.destroy();
    this.oidcByRegion.clear();
    this.portalByRegion.clear();
  }
}
