/**
 * What a run will send and roughly cost, before it starts. Requests are exact
 * for a request count and an upper bound for a duration (users × seconds ÷
 * (think time + expected latency), the latency being this console's recent
 * median reply time for the agent, else 2 s). Cost prices each request's
 * expected duration as runtime CPU and memory from the price table; model
 * tokens are not included, and the formula says so.
 */
import { CONFIRM_ABOVE, type LoadEstimate, type Scenario } from '../../../shared/loadtest';
import type { PriceTable } from '../../../shared/metrics';
import { breakdown, runtimeUsages } from '../cost/cost-lines';
import { expectedRequests } from './schedule';

/** Used when the console has never measured the agent. */
export const DEFAULT_EXPECTED_LATENCY_MS = 2000;
/**
 * AgentCore bills the CPU and memory a session actually uses; the console
 * knows no per-runtime size before the fact, so it assumes one vCPU and 2 GB
 * busy for each request's duration (an upper-end figure for a chat agent).
 */
export const ASSUMED_SESSION = { vcpu: 1, memoryGb: 2 } as const;

export interface EstimateInputs {
  scenario: Scenario;
  prompts: number;
  /** This console's recent median reply time for the agent, if it has one. */
  measuredLatencyMs: number | null;
  prices: PriceTable;
  onRealAws: boolean;
}

export function estimateRun(input: EstimateInputs): LoadEstimate {
  const latencyMs = input.measuredLatencyMs ?? DEFAULT_EXPECTED_LATENCY_MS;
  const { requests, upperBound } = expectedRequests(input.scenario, latencyMs);
  const hours = (requests * latencyMs) / 3_600_000;
  const scope = `${requests.toLocaleString('en-US')} requests × ${Math.round(latencyMs)} ms`;
  const assumed = { 'runtime.cpu': `${ASSUMED_SESSION.vcpu} vCPU assumed`, 'runtime.memory': `${ASSUMED_SESSION.memoryGb} GB assumed` } as Record<
    string,
    string
  >;
  // The runtime's price lines as the cost module builds them, with this estimate's source in place of CloudWatch's.
  const usages = runtimeUsages(hours * ASSUMED_SESSION.vcpu, hours * ASSUMED_SESSION.memoryGb, scope).map(({ lagging: _lagging, ...u }) => ({
    ...u,
    source: `${scope}, ${assumed[u.id] ?? 'assumed'}`,
  }));
  const cost = breakdown(usages, input.prices, []);
  const latencySource = input.measuredLatencyMs === null ? 'no reply measured yet, 2 s assumed' : 'this console’s recent median reply time';
  const formula = [
    `${upperBound ? 'At most ' : ''}${requests.toLocaleString('en-US')} requests (expected latency ${Math.round(latencyMs)} ms: ${latencySource}).`,
    ...cost.lines.map((l) => `${l.label}: ${l.formula} = $${l.usd.toFixed(4)}`),
    ...cost.notIncluded,
    `Each request billed for its expected duration at ${ASSUMED_SESSION.vcpu} vCPU and ${ASSUMED_SESSION.memoryGb} GB; model tokens are not included.`,
  ].join(' ');
  return {
    requests,
    requestsIsUpperBound: upperBound,
    usd: cost.totalUsd,
    formula,
    needsConfirmation: input.onRealAws && (requests > CONFIRM_ABOVE.requests || cost.totalUsd > CONFIRM_ABOVE.usd),
    prompts: input.prompts,
  };
}

/** The refusal `loadtest.start` answers when confirmation is needed and not given, naming the figures. */
export function confirmationMessage(e: LoadEstimate): string {
  return `This run needs your confirmation: it sends ${e.requestsIsUpperBound ? 'up to ' : ''}${e.requests.toLocaleString('en-US')} requests to real AWS (estimated $${e.usd.toFixed(2)} runtime cost, model tokens not included), above the ${CONFIRM_ABOVE.requests} requests / $${CONFIRM_ABOVE.usd} threshold. Start it again with confirmed set.`;
}
