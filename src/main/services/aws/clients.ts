/**
 * Builds AWS SDK clients for one (profile, region) cell. The demo fleet and
 * real AWS differ only here: the demo points the same clients at the local
 * emulator with its demo key; real AWS resolves the profile's credentials.
 */
import { BedrockAgentCoreClient, type BedrockAgentCoreClientConfig } from '@aws-sdk/client-bedrock-agentcore';
import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ProfileCredentials } from './profile-credentials';
import { LOADTEST_CAPS } from '../../../shared/loadtest';

/**
 * The SDK's default of 50 sockets per client would queue a load test's 200 users behind 50 connections, and
 * measure that queue rather than the agent: one socket per virtual user the load runner allows.
 */
const DATA_SOCKETS = { httpAgent: { keepAlive: true, maxSockets: LOADTEST_CAPS.users }, httpsAgent: { keepAlive: true, maxSockets: LOADTEST_CAPS.users } };

export type CredentialSource =
  | { kind: 'static'; credentials: AwsCredentialIdentity; endpoint: string }
  /** The user's profiles: providers per profile kind (SSO, static, process, role chain, env); `endpoint` points at a local AgentCore. */
  | { kind: 'profile'; credentials: Pick<ProfileCredentials, 'providerFor'>; endpoint?: string };

export interface CellClients {
  control: BedrockAgentCoreControlClient;
}

/**
 * OAuth agents are called with a bearer token instead of SigV4. The SDK still
 * signs (it has no other auth scheme for this service), so those clients get
 * placeholder keys that are never valid anywhere: the bearer middleware
 * replaces the signature, and a profile with expired SSO does not block an
 * agent that never needed AWS credentials.
 */
const UNUSED_SIGNING_KEYS: AwsCredentialIdentity = { accessKeyId: 'AKIDBEARERNOTUSED000', secretAccessKey: 'bearer-calls-are-not-signed' };

export class ClientFactory {
  private readonly cache = new Map<string, CellClients>();
  private readonly data = new Map<string, BedrockAgentCoreClient>();
  private readonly logs = new Map<string, CloudWatchLogsClient>();
  private readonly metrics = new Map<string, CloudWatchClient>();

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

  /**
   * Data-plane client (InvokeAgentRuntime, StopRuntimeSession) for one cell.
   * One attempt only: an invoke may run tools with side effects, so a retry is
   * the user's decision (the chat offers it), not the SDK's.
   */
  dataClient(profile: string, region: string): BedrockAgentCoreClient {
    return this.dataFor(`${profile}|${region}`, () => ({ ...this.commonConfig(profile, region), maxAttempts: 1, requestHandler: DATA_SOCKETS }));
  }

  /** Data-plane client for OAuth agents in a region: same endpoint, no AWS identity (see UNUSED_SIGNING_KEYS). */
  bearerDataClient(region: string): BedrockAgentCoreClient {
    const endpoint = this.source.endpoint ? { endpoint: this.source.endpoint } : {};
    return this.dataFor(`bearer|${region}`, () => ({ region, credentials: UNUSED_SIGNING_KEYS, maxAttempts: 1, ...endpoint }));
  }

  /**
   * CloudWatch Logs for one cell. StartLiveTail carries the host prefix
   * `stream-`, which cannot resolve against a local endpoint (the emulator),
   * so the prefix is dropped exactly when an endpoint is set. Throttling is
   * retried by the log services with their own backoff, so one SDK retry.
   */
  logsClient(profile: string, region: string): CloudWatchLogsClient {
    const key = `${profile}|${region}`;
    let client = this.logs.get(key);
    if (!client) {
      const common = this.commonConfig(profile, region);
      client = new CloudWatchLogsClient({ ...common, maxAttempts: 2, ...(common.endpoint ? { disableHostPrefix: true } : {}) });
      this.logs.set(key, client);
    }
    return client;
  }

  /** CloudWatch (GetMetricData) for one cell; throttling is retried by the metrics service with its own backoff, so one SDK retry. */
  metricsClient(profile: string, region: string): CloudWatchClient {
    const key = `${profile}|${region}`;
    let client = this.metrics.get(key);
    if (!client) {
      client = new CloudWatchClient({ ...this.commonConfig(profile, region), maxAttempts: 2 });
      this.metrics.set(key, client);
    }
    return client;
  }

  /** Drops a profile's clients (and the role credentials they memoized), e.g. after sign-out or a new sign-in. */
  forgetProfile(profile: string): void {
    for (const [key, clients] of this.cache) {
      if (!key.startsWith(`${profile}|`)) continue;
      clients.control.destroy();
      this.cache.delete(key);
    }
    for (const table of [this.data, this.logs, this.metrics] as const) {
      for (const [key, client] of table) {
        if (!key.startsWith(`${profile}|`)) continue;
        client.destroy();
        table.delete(key);
      }
    }
  }

  destroy(): void {
    for (const clients of this.cache.values()) clients.control.destroy();
    for (const client of [...this.data.values(), ...this.logs.values(), ...this.metrics.values()]) client.destroy();
    this.cache.clear();
    this.data.clear();
    this.logs.clear();
    this.metrics.clear();
  }

  private dataFor(key: string, config: () => BedrockAgentCoreClientConfig): BedrockAgentCoreClient {
    let client = this.data.get(key);
    if (!client) {
      client = new BedrockAgentCoreClient(config());
      this.data.set(key, client);
    }
    return client;
  }

  private commonConfig(
    profile: string,
    region: string,
  ): { region: string; credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider; endpoint?: string } {
    if (this.source.kind === 'static') return { region, credentials: this.source.credentials, endpoint: this.source.endpoint };
    return { region, credentials: this.source.credentials.providerFor(profile), ...(this.source.endpoint ? { endpoint: this.source.endpoint } : {}) };
  }
}
