/**
 * The emulated fleet: per-region runtimes, memories and gateways, seeded and
 * read-mostly. Scaled resources are generated on access (see scaled.ts);
 * bridged local agents are the only runtimes added at run time.
 */
import type { GatewayView, MemoryDefinition, RuntimeView, WorldView } from '../core/types';
import type { GatewaySpec, MemorySpec, RuntimeSpec } from './model';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { buildGateway, buildMemory, buildRuntime, type BuildContext } from './build';
import { DEMO_REGIONS, accountIdFor, defaultAnchor, parseRuntimeArn, resourceId } from './ids';
import { HarnessFleet } from '../harness/fleet';
import type { HarnessView } from '../harness/model';
import { scaledCounts, scaledGatewayBlueprint, scaledIndex, scaledMemoryBlueprint, scaledMemoryName, scaledRuntimeBlueprint } from './scaled';

export interface WorldOptions {
  seed: number;
  scale?: number;
  /** Epoch ms that resource ages are measured back from (default: start of the current hour). */
  anchor?: number;
}

/** A list that may be generated on demand. */
export interface Listing<T> {
  length: number;
  at(index: number): T;
}

interface RegionFleet {
  ctx: BuildContext;
  runtimes: RuntimeSpec[];
  bridged: RuntimeSpec[];
  memories: MemorySpec[];
  gateways: GatewaySpec[];
}

export class World implements WorldView {
  readonly seed: number;
  readonly scale: number;
  readonly accountId: string;
  readonly anchor: number;
  /** Managed agent harnesses per region (the harness module serves and deletes them). */
  readonly harnessFleet: HarnessFleet;
  private readonly fleets = new Map<string, RegionFleet>();

  constructor(opts: WorldOptions) {
    this.seed = opts.seed;
    this.scale = Math.max(0, Math.floor(opts.scale ?? 0));
    this.accountId = accountIdFor(opts.seed);
    this.anchor = opts.anchor ?? defaultAnchor(Date.now());
    for (const region of DEMO_REGIONS) this.fleets.set(region, this.buildRegion(region));
    this.harnessFleet = new HarnessFleet({ seed: this.seed, accountId: this.accountId, anchor: this.anchor });
  }

  private buildRegion(region: string): RegionFleet {
    const cat = DEMO_CATALOGUE[region] ?? { runtimes: [], memories: [], gateways: [] };
    const ctx: BuildContext = {
      seed: this.seed,
      region,
      accountId: this.accountId,
      anchor: this.anchor,
      memoryId: (name) => resourceId(this.seed, region, name),
    };
    return {
      ctx,
      runtimes: cat.runtimes.map((bp) => buildRuntime(bp, ctx)),
      bridged: [],
      memories: cat.memories.map((bp) => buildMemory(bp, ctx)),
      gateways: cat.gateways.map((bp) => buildGateway(bp, ctx)),
    };
  }

  regions(): string[] {
    return [...this.fleets.keys()];
  }

  runtimeListing(region: string): Listing<RuntimeSpec> {
    const f = this.fleets.get(region);
    if (!f) return { length: 0, at: () => undefined as never };
    const head = [...f.bridged, ...f.runtimes];
    return {
      length: head.length + scaledCounts(this.scale).runtimes,
      at: (i) => (i < head.length ? head[i]! : buildRuntime(scaledRuntimeBlueprint(this.seed, region, i - head.length), f.ctx)),
    };
  }

  memoryListing(region: string): Listing<MemorySpec> {
    const f = this.fleets.get(region);
    if (!f) return { length: 0, at: () => undefined as never };
    return {
      length: f.memories.length + scaledCounts(this.scale).memories,
      at: (i) => (i < f.memories.length ? f.memories[i]! : buildMemory(scaledMemoryBlueprint(this.seed, region, i - f.memories.length), f.ctx)),
    };
  }

  gatewayListing(region: string): Listing<GatewaySpec> {
    const f = this.fleets.get(region);
    if (!f) return { length: 0, at: () => undefined as never };
    return {
      length: f.gateways.length + scaledCounts(this.scale).gateways,
      at: (i) => (i < f.gateways.length ? f.gateways[i]! : buildGateway(scaledGatewayBlueprint(this.seed, region, i - f.gateways.length), f.ctx)),
    };
  }

  /** By runtime id or full ARN (the data plane addresses runtimes by ARN). */
  findRuntime(region: string, idOrArn: string): RuntimeSpec | undefined {
    const f = this.fleets.get(region);
    if (!f) return undefined;
    const arn = parseRuntimeArn(idOrArn);
    if (arn && (arn.region !== region || arn.accountId !== this.accountId)) return undefined;
    const id = arn ? arn.id : idOrArn;
    const found = f.bridged.find((r) => r.id === id) ?? f.runtimes.find((r) => r.id === id);
    if (found) return found;
    const i = scaledIndex(id, 'fleet_agent_');
    if (i === undefined || i >= scaledCounts(this.scale).runtimes) return undefined;
    const spec = buildRuntime(scaledRuntimeBlueprint(this.seed, region, i), f.ctx);
    return spec.id === id ? spec : undefined;
  }

  findMemory(region: string, id: string): MemorySpec | undefined {
    const f = this.fleets.get(region);
    if (!f) return undefined;
    const found = f.memories.find((m) => m.id === id);
    if (found) return found;
    const i = scaledIndex(id, 'fleet_memory_');
    if (i === undefined || i >= scaledCounts(this.scale).memories || id !== resourceId(this.seed, region, scaledMemoryName(i))) return undefined;
    return buildMemory(scaledMemoryBlueprint(this.seed, region, i), f.ctx);
  }

  findGateway(region: string, idOrArn: string): GatewaySpec | undefined {
    const f = this.fleets.get(region);
    if (!f) return undefined;
    const id = idOrArn.startsWith('arn:') ? idOrArn.slice(idOrArn.lastIndexOf('/') + 1) : idOrArn;
    const found = f.gateways.find((g) => g.id === id);
    if (found) return found;
    const i = scaledIndex(id, 'fleet-gateway-');
    if (i === undefined || i >= scaledCounts(this.scale).gateways) return undefined;
    const spec = buildGateway(scaledGatewayBlueprint(this.seed, region, i), f.ctx);
    return spec.id === id ? spec : undefined;
  }

  /** Registers a runtime created at run time (local agent bridge). */
  addRuntime(spec: RuntimeSpec): void {
    const f = this.fleets.get(spec.region);
    if (!f) throw new Error(`region ${spec.region} is not emulated`);
    f.bridged.push(spec);
  }

  buildContext(region: string): BuildContext {
    const f = this.fleets.get(region);
    if (!f) throw new Error(`region ${region} is not emulated`);
    return f.ctx;
  }

  // --- WorldView: what the memory/logs/metrics modules see -----------------

  runtimes(region?: string): RuntimeView[] {
    return this.each(region, (r) => all(this.runtimeListing(r)).map(toRuntimeView));
  }

  memories(region?: string): MemoryDefinition[] {
    return this.each(region, (r) => all(this.memoryListing(r)));
  }

  gateways(region?: string): GatewayView[] {
    return this.each(region, (r) =>
      all(this.gatewayListing(r)).map((g) => ({ id: g.id, arn: g.arn, name: g.name, region: g.region, accountId: g.accountId, status: g.status })),
    );
  }

  /** Live (not deleted) harnesses, e.g. to find a demo harness's ARN by name. */
  harnesses(region?: string): HarnessView[] {
    return this.harnessFleet.views(region);
  }

  private each<T>(region: string | undefined, fn: (region: string) => T[]): T[] {
    return (region ? [region] : this.regions()).flatMap(fn);
  }
}

function all<T>(listing: Listing<T>): T[] {
  const out: T[] = [];
  for (let i = 0; i < listing.length; i++) out.push(listing.at(i));
  return out;
}

export function toRuntimeView(r: RuntimeSpec): RuntimeView {
  return {
    id: r.id,
    arn: r.arn,
    name: r.name,
    region: r.region,
    accountId: r.accountId,
    status: r.status,
    endpointNames: r.endpoints.map((e) => e.name),
    ...(r.memoryId ? { memoryId: r.memoryId } : {}),
    createdAt: r.createdAt,
  };
}
