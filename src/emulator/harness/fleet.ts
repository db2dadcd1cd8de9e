/**
 * The harnesses of every demo region, built from the catalogue and the seed
 * (ids, roles and timestamps are pure functions of it). DeleteHarness is the
 * only mutation; admin reset brings deleted harnesses back.
 */
import { Rng } from '../kit/rng';
import { DEMO_REGIONS, LOWER_ALNUM, ago, memoryArn, resourceId, runtimeArn } from '../fleet/ids';
import { HARNESS_CATALOGUE } from './catalogue';
import type { HarnessBlueprint, HarnessEndpointSpec, HarnessSpec, HarnessVersion, HarnessView } from './model';

const HOUR = 3_600_000;

export interface HarnessFleetOptions {
  seed: number;
  accountId: string;
  /** Epoch ms that ages are measured back from (the World's anchor). */
  anchor: number;
}

export class HarnessFleet {
  private readonly byRegion = new Map<string, HarnessSpec[]>();
  private readonly deleted = new Set<string>();

  constructor(opts: HarnessFleetOptions) {
    for (const region of DEMO_REGIONS) {
      this.byRegion.set(
        region,
        (HARNESS_CATALOGUE[region] ?? []).map((bp) => buildHarness(bp, region, opts)),
      );
    }
  }

  /** Live harnesses of a region, in catalogue order. */
  list(region: string): HarnessSpec[] {
    return (this.byRegion.get(region) ?? []).filter((h) => !this.deleted.has(h.arn));
  }

  /** By id or ARN; a harness of another region or account is not found, as in AWS. */
  find(region: string, idOrArn: string): HarnessSpec | undefined {
    return this.list(region).find((h) => h.id === idOrArn || h.arn === idOrArn);
  }

  delete(harness: HarnessSpec): void {
    this.deleted.add(harness.arn);
  }

  reset(): void {
    this.deleted.clear();
  }

  views(region?: string): HarnessView[] {
    const regions = region ? [region] : [...this.byRegion.keys()];
    return regions.flatMap((r) => this.list(r).map((h) => ({ id: h.id, arn: h.arn, name: h.name, region: h.region, status: h.status })));
  }
}

function buildHarness(bp: HarnessBlueprint, region: string, { seed, accountId, anchor }: HarnessFleetOptions): HarnessSpec {
  const id = resourceId(seed, region, bp.name);
  const arn = `arn:aws:bedrock-agentcore:${region}:${accountId}:harness/${id}`;
  const rng = Rng.for(seed, region, 'harness', bp.name);
  const createdAt = ago(anchor, bp.ageDays, rng.int(1, 20));
  const updatedAt = Math.max(createdAt, ago(anchor, 0, bp.updatedHoursAgo));
  const status = bp.status ?? 'READY';
  const versions: HarnessVersion[] = [];
  for (let v = 1; v <= bp.versions; v++) {
    const at = v === bp.versions ? updatedAt : createdAt + Math.floor(((updatedAt - createdAt) * (v - 1)) / Math.max(1, bp.versions - 1));
    versions.push({ version: String(v), createdAt: at, status: v === bp.versions ? status : 'READY' });
  }
  const latest = String(bp.versions);
  const endpoint = (name: string, live: string, endpointStatus: HarnessEndpointSpec['status'], description: string, offsetH: number): HarnessEndpointSpec => ({
    name,
    liveVersion: live,
    targetVersion: latest,
    status: endpointStatus,
    description,
    createdAt: createdAt + offsetH * HOUR,
    updatedAt: Math.max(createdAt, updatedAt - offsetH * HOUR),
  });
  // A harness that never became READY has a DEFAULT endpoint in the same state.
  const endpoints = [endpoint('DEFAULT', latest, status, 'Default endpoint (latest version)', 0)];
  (bp.endpoints ?? []).forEach((ep, i) => endpoints.push(endpoint(ep.name, String(ep.live ?? bp.versions), ep.status ?? 'READY', ep.description, i + 1)));
  const runtimeId = resourceId(seed, region, `harness_${bp.name}`);
  return {
    name: bp.name,
    description: bp.description,
    behaviour: bp.behaviour,
    modelId: bp.modelId,
    systemPrompt: bp.systemPrompt,
    ...(bp.tools ? { tools: bp.tools } : {}),
    ...(bp.skills ? { skills: bp.skills } : {}),
    ...(bp.memoryStrategies ? { memoryStrategies: bp.memoryStrategies } : {}),
    id,
    arn,
    region,
    accountId,
    status,
    ...(bp.failureReason ? { failureReason: bp.failureReason.replace('{account}', accountId) } : {}),
    createdAt,
    updatedAt,
    versions,
    endpoints,
    executionRoleArn: `arn:aws:iam::${accountId}:role/AgentCoreHarnessExecution-${Rng.for(seed, region, 'harness-role', bp.name).chars(10, LOWER_ALNUM)}`,
    runtimeId,
    runtimeArn: runtimeArn(region, accountId, runtimeId),
    ...(bp.memoryStrategies ? { memoryArn: memoryArn(region, accountId, resourceId(seed, region, `${bp.name}_memory`)) } : {}),
  };
}
