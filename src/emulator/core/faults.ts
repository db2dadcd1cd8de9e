/**
 * Fault injection. A profile is a list of rules per AWS operation (or `*`);
 * the server asks `decide()` once per request. Dice come from a seeded PRNG
 * per operation, so "30% throttling" fails the same calls on every run and a
 * rate of 1 fails every call — tests rely on that, never on timing.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Rng } from '../kit/rng';

const rate = z.number().min(0).max(1);

export const faultRuleSchema = z
  .object({
    operation: z.string().min(1).default('*'),
    /** Only in this region (SigV4 scope), e.g. AccessDenied for one region of an account. */
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name')
      .optional(),
    throttleRate: rate.optional(),
    accessDeniedRate: rate.optional(),
    /** 404 ResourceNotFoundException: a resource deleted between a list and a get. */
    notFoundRate: rate.optional(),
    errorRate: rate.optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    jitterMs: z.number().int().min(0).max(600_000).optional(),
    coldStartSeconds: z.number().min(0).max(600).optional(),
    malformedRate: rate.optional(),
    malformedStatus: z.union([z.literal(200), z.literal(500)]).optional(),
    dropStreamRate: rate.optional(),
    dropAfterChunks: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export const faultProfileSchema = z
  .object({
    seed: z.number().int().optional(),
    expiredCredentials: z.boolean().optional(),
    rules: z.array(faultRuleSchema).default([]),
  })
  .strict();

export type FaultRule = z.input<typeof faultRuleSchema>;
export type FaultProfile = z.input<typeof faultProfileSchema>;
type ParsedRule = z.output<typeof faultRuleSchema>;
type ParsedProfile = z.output<typeof faultProfileSchema>;
/** A validated profile, with defaults filled in (what `get()` returns). */
export type ActiveFaultProfile = ParsedProfile;

export interface FaultDecision {
  latencyMs: number;
  throttle: boolean;
  error: boolean;
  accessDenied?: boolean;
  notFound?: boolean;
  /** Status to send with a non-JSON body, when the body should be garbled. */
  malformed?: 200 | 500;
  /** Destroy the socket after this many body chunks. */
  dropAfterChunks?: number;
}

export const NO_FAULT: FaultDecision = { latencyMs: 0, throttle: false, error: false };

export class FaultEngine {
  private profile: ParsedProfile = { rules: [] };
  private readonly rngs = new Map<string, Rng>();

  constructor(
    profile: FaultProfile = { rules: [] },
    private readonly defaultSeed = 1,
  ) {
    this.set(profile);
  }

  /** Validates and replaces the active profile; throws a readable message on bad input. */
  set(profile: unknown): void {
    const parsed = faultProfileSchema.safeParse(profile);
    if (!parsed.success) {
      throw new Error(`invalid fault profile: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    this.profile = parsed.data;
    this.rngs.clear(); // a new profile restarts the dice, so it replays identically
  }

  get(): ParsedProfile {
    return structuredClone(this.profile);
  }

  get expiredCredentials(): boolean {
    return this.profile.expiredCredentials === true;
  }

  /** Operation-specific fields override the `*` rule's, field by field; rules for another region do not apply. */
  ruleFor(operation: string, region?: string): Partial<ParsedRule> {
    const merged: Partial<ParsedRule> = {};
    const applies = (rule: ParsedRule): boolean => rule.region === undefined || rule.region === region;
    for (const rule of this.profile.rules) if (rule.operation === '*' && applies(rule)) Object.assign(merged, definedOnly(rule));
    for (const rule of this.profile.rules) if (rule.operation === operation && applies(rule)) Object.assign(merged, definedOnly(rule));
    delete merged.region;
    return merged;
  }

  decide(operation: string, region?: string): FaultDecision {
    const rule = this.ruleFor(operation, region);
    if (Object.keys(rule).length <= 1) return NO_FAULT;
    const rng = this.rng(region ? `${operation}@${region}` : operation);
    const roll = (p: number | undefined): boolean => p !== undefined && p > 0 && rng.next() < p;
    const jitter = rule.jitterMs ? Math.floor(rng.next() * rule.jitterMs) : 0;
    const decision: FaultDecision = {
      latencyMs: (rule.latencyMs ?? 0) + jitter,
      throttle: roll(rule.throttleRate),
      error: roll(rule.errorRate),
    };
    if (roll(rule.accessDeniedRate)) decision.accessDenied = true;
    if (roll(rule.notFoundRate)) decision.notFound = true;
    if (roll(rule.malformedRate)) decision.malformed = rule.malformedStatus ?? 500;
    if (roll(rule.dropStreamRate)) decision.dropAfterChunks = rule.dropAfterChunks ?? 3;
    return decision;
  }

  coldStartSeconds(operation: string): number | undefined {
    return this.ruleFor(operation).coldStartSeconds;
  }

  private rng(operation: string): Rng {
    let rng = this.rngs.get(operation);
    if (!rng) {
      rng = Rng.for(this.profile.seed ?? this.defaultSeed, 'faults', operation);
      this.rngs.set(operation, rng);
    }
    return rng;
  }
}

function definedOnly(rule: ParsedRule): Partial<ParsedRule> {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as Partial<ParsedRule>;
}

export function loadFaultProfile(file: string): FaultProfile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read fault profile ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`fault profile ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = faultProfileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`fault profile ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * One CLI fault flag → a rule. Values are `<number>` or `<Operation>=<number>`,
 * e.g. `--throttle InvokeAgentRuntime=0.3`, `--latency 200+50` (fixed+jitter).
 */
export function faultRuleFromFlag(flag: string, value: string): FaultRule {
  const eq = value.indexOf('=');
  const operation = eq > 0 ? value.slice(0, eq) : '*';
  const v = eq > 0 ? value.slice(eq + 1) : value;
  const num = (s: string): number => {
    const n = Number(s);
    if (s.trim() === '' || !Number.isFinite(n)) throw new Error(`--${flag}: expected a number, got '${s}'`);
    return n;
  };
  switch (flag) {
    case 'throttle':
      return { operation, throttleRate: num(v) };
    case 'error-rate':
      return { operation, errorRate: num(v) };
    case 'access-denied':
      return { operation, accessDeniedRate: num(v) };
    case 'not-found':
      return { operation, notFoundRate: num(v) };
    case 'malformed':
      return { operation, malformedRate: num(v) };
    case 'drop-stream':
      return { operation, dropStreamRate: num(v) };
    case 'cold-start':
      return { operation, coldStartSeconds: num(v) };
    case 'latency': {
      const [fixed, jitter] = v.split('+');
      return { operation, latencyMs: num(fixed ?? ''), ...(jitter !== undefined ? { jitterMs: num(jitter) } : {}) };
    }
    default:
      throw new Error(`unknown fault flag --${flag}`);
  }
}
