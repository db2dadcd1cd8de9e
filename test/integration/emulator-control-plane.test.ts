/** Control plane operations through the real SDK client: shapes, pagination, regions, scale and errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GetAgentRuntimeCommand,
  GetAgentRuntimeEndpointCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  GetMemoryCommand,
  ListAgentRuntimeEndpointsCommand,
  ListAgentRuntimesCommand,
  ListAgentRuntimeVersionsCommand,
  ListGatewaysCommand,
  ListGatewayTargetsCommand,
  ListMemoriesCommand,
  ResourceNotFoundException,
  ValidationException,
  paginateListAgentRuntimes,
  paginateListGateways,
  paginateListMemories,
  type AgentRuntime,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { controlClient } from './helpers/emulator-clients';

let emu: RunningEmulator;
let scaled: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ fast: true });
  scaled = await startEmulator({ fast: true, scale: 25 });
});
afterAll(async () => {
  await emu.close();
  await scaled.close();
});

async function allRuntimes(e: RunningEmulator, region: string, pageSize: number): Promise<AgentRuntime[]> {
  const out: AgentRuntime[] = [];
  for await (const page of paginateListAgentRuntimes({ client: controlClient(e, { region }), pageSize }, {})) out.push(...(page.agentRuntimes ?? []));
  return out;
}

describe('runtimes', () => {
  it('pages through every runtime of the caller region with opaque tokens', async () => {
    const first = await controlClient(emu).send(new ListAgentRuntimesCommand({ maxResults: 4 }));
    expect(first.agentRuntimes).toHaveLength(4);
    expect(first.nextToken).toMatch(/^[A-Za-z0-9+/=]+$/);
    const all = await allRuntimes(emu, 'us-east-1', 4);
    expect(all.map((r) => r.agentRuntimeName)).toEqual(expect.arrayContaining(['sre_supervisor', 'coach_companion', 'llmops_agent', 'cloud_engineer_agent']));
    expect(new Set(all.map((r) => r.agentRuntimeId)).size).toBe(all.length);
    for (const r of all) {
      expect(r.lastUpdatedAt).toBeInstanceOf(Date);
      expect(r.agentRuntimeArn).toMatch(/^arn:aws:bedrock-agentcore:us-east-1:\d{12}:runtime\/[a-z_]+-[A-Za-z0-9]{10}$/);
    }
  });

  it('serves a separate fleet per SigV4 region, and nothing in other regions', async () => {
    const west = await allRuntimes(emu, 'us-west-2', 10);
    expect(west.map((r) => r.agentRuntimeName)).toContain('strands_chat_agent');
    expect(west.every((r) => r.agentRuntimeArn?.includes(':us-west-2:'))).toBe(true);
    expect(await allRuntimes(emu, 'ap-south-1', 10)).toEqual([]);
  });

  it('returns full runtime details, versions and endpoints', async () => {
    const client = controlClient(emu);
    const sre = (await allRuntimes(emu, 'us-east-1', 50)).find((r) => r.agentRuntimeName === 'sre_supervisor')!;
    const detail = await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: sre.agentRuntimeId }));
    expect(detail.lifecycleConfiguration).toEqual({ idleRuntimeSessionTimeout: 900, maxLifetime: 28800 });
    expect(detail.agentRuntimeArtifact?.containerConfiguration?.containerUri).toContain('.dkr.ecr.us-east-1.amazonaws.com/');
    expect(detail.createdAt).toBeInstanceOf(Date);
    expect(detail.environmentVariables?.BEDROCK_AGENTCORE_MEMORY_ID).toMatch(/^sre_agent_memory-/);

    const v1 = await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: sre.agentRuntimeId, agentRuntimeVersion: '1' }));
    expect(v1.agentRuntimeVersion).toBe('1');

    const versions = await client.send(new ListAgentRuntimeVersionsCommand({ agentRuntimeId: sre.agentRuntimeId }));
    expect(versions.agentRuntimes?.map((v) => v.agentRuntimeVersion)).toEqual(['4', '3', '2', '1']);

    const endpoints = await client.send(new ListAgentRuntimeEndpointsCommand({ agentRuntimeId: sre.agentRuntimeId }));
    const prod = endpoints.runtimeEndpoints?.find((e) => e.name === 'prod');
    expect(prod).toMatchObject({ status: 'UPDATING', liveVersion: '3', targetVersion: '4' });
    const got = await client.send(new GetAgentRuntimeEndpointCommand({ agentRuntimeId: sre.agentRuntimeId, endpointName: 'prod' }));
    expect(got.agentRuntimeEndpointArn).toBe(`${sre.agentRuntimeArn}/runtime-endpoint/prod`);
  });

  it('shows the failed update and the OAuth authorizer', async () => {
    const client = controlClient(emu);
    const all = await allRuntimes(emu, 'us-east-1', 50);
    const failed = all.find((r) => r.status === 'UPDATE_FAILED')!;
    const detail = await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: failed.agentRuntimeId }));
    expect(detail.failureReason).toMatch(/ecr:BatchGetImage/);
    const oauth = all.find((r) => r.agentRuntimeName === 'cloud_engineer_agent')!;
    const od = await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: oauth.agentRuntimeId }));
    expect(od.authorizerConfiguration?.customJWTAuthorizer?.discoveryUrl).toMatch(/cognito-idp/);
  });

  it('rejects unknown ids, bad tokens and bad page sizes with typed exceptions', async () => {
    const client = controlClient(emu);
    await expect(client.send(new GetAgentRuntimeCommand({ agentRuntimeId: 'nope-0123456789' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new ListAgentRuntimesCommand({ nextToken: 'garbage' }))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new ListAgentRuntimesCommand({ maxResults: 1000 }))).rejects.toBeInstanceOf(ValidationException);
    // A token from one listing is not valid for another.
    const page = await client.send(new ListAgentRuntimesCommand({ maxResults: 1 }));
    await expect(controlClient(emu, { region: 'us-west-2' }).send(new ListAgentRuntimesCommand({ nextToken: page.nextToken }))).rejects.toBeInstanceOf(
      ValidationException,
    );
  });
});

describe('memories and gateways', () => {
  it('lists memories with epoch-second timestamps and strategy details', async () => {
    const client = controlClient(emu);
    const memories = [];
    for await (const page of paginateListMemories({ client, pageSize: 2 }, {})) memories.push(...(page.memories ?? []));
    expect(memories.length).toBe(4);
    expect(memories[0]!.createdAt).toBeInstanceOf(Date);
    expect(memories.some((m) => m.status === 'FAILED')).toBe(true);
    const sre = memories.find((m) => m.id?.startsWith('sre_agent_memory-'))!;
    const { memory } = await client.send(new GetMemoryCommand({ memoryId: sre.id }));
    expect(memory?.strategies?.map((s) => s.type)).toEqual(['USER_PREFERENCE', 'SEMANTIC', 'SUMMARIZATION']);
    expect(memory?.strategies?.[0]?.namespaces).toEqual(['/users/{actorId}/preferences']);
    await expect(client.send(new GetMemoryCommand({ memoryId: 'missing-0123456789' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists gateways and targets, including pending-auth and 401 states', async () => {
    const client = controlClient(emu);
    const gateways = [];
    for await (const page of paginateListGateways({ client, pageSize: 1 }, {})) gateways.push(...(page.items ?? []));
    expect(gateways.map((g) => g.name)).toEqual(['sre-gateway', 'llmops-tools', 'cloud-engineer-gateway']);
    const broken = await client.send(new GetGatewayCommand({ gatewayIdentifier: gateways[2]!.gatewayId }));
    expect(broken.status).toBe('FAILED');
    expect(broken.statusReasons?.[0]).toMatch(/401 Unauthorized/);
    const targets = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gateways[1]!.gatewayId }));
    const pending = targets.items?.find((t) => t.status === 'CREATE_PENDING_AUTH');
    expect(pending?.authorizationData?.oauth2?.authorizationUrl).toMatch(/^https:\/\//);
    const target = await client.send(
      new GetGatewayTargetCommand({
        gatewayIdentifier: gateways[0]!.gatewayId,
        targetId: (await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gateways[0]!.gatewayId }))).items![0]!.targetId,
      }),
    );
    expect(target.targetConfiguration?.mcp?.openApiSchema?.s3?.uri).toMatch(/^s3:\/\//);
    expect(target.createdAt).toBeInstanceOf(Date);
  });
});

describe('scale', () => {
  it('adds generated runtimes, memories and gateways that can be fetched by id', async () => {
    const all = await allRuntimes(scaled, 'eu-central-1', 100);
    expect(all).toHaveLength(3 + 25);
    const generated = all.find((r) => r.agentRuntimeName === 'fleet_agent_0017')!;
    const detail = await controlClient(scaled, { region: 'eu-central-1' }).send(new GetAgentRuntimeCommand({ agentRuntimeId: generated.agentRuntimeId }));
    expect(detail.agentRuntimeName).toBe('fleet_agent_0017');
    const memories = await controlClient(scaled).send(new ListMemoriesCommand({ maxResults: 100 }));
    expect(memories.memories).toHaveLength(4 + 13);
    const gateways = await controlClient(scaled).send(new ListGatewaysCommand({}));
    expect(gateways.items).toHaveLength(3 + 5);
    const g = await controlClient(scaled).send(new GetGatewayCommand({ gatewayIdentifier: gateways.items![5]!.gatewayId }));
    expect(g.name).toBe('fleet-gateway-0002');
  });

  it('is deterministic for a seed', async () => {
    const again = await startEmulator({ fast: true });
    try {
      const a = await controlClient(emu).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
      const b = await controlClient(again).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
      expect(b.agentRuntimes?.map((r) => r.agentRuntimeArn)).toEqual(a.agentRuntimes?.map((r) => r.agentRuntimeArn));
    } finally {
      await again.close();
    }
    const other = await startEmulator({ fast: true, seed: 7 });
    try {
      const c = await controlClient(other).send(new ListAgentRuntimesCommand({ maxResults: 1 }));
      const a = await controlClient(emu).send(new ListAgentRuntimesCommand({ maxResults: 1 }));
      expect(c.agentRuntimes?.[0]?.agentRuntimeArn).not.toBe(a.agentRuntimes?.[0]?.agentRuntimeArn);
    } finally {
      await other.close();
    }
  });
});
