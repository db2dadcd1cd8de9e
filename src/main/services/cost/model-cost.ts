/**
 * Model cost from token usage: input and output tokens per model (from the
 * agent's model spans) × that model's price per million tokens in the price
 * table. Bedrock names cross-region inference profiles with a geography
 * prefix (`us.anthropic…`); the price is the model's, so the prefix is
 * dropped to find it. A model without a price says so instead of costing 0.
 */
import type { ModelUsage } from '../../../shared/traces';
import type { Usage } from './cost-lines';

const GEOGRAPHY = /^(us|eu|apac|ap|jp|au|ca|us-gov|global)\./;

export function modelPriceId(model: string, side: 'input' | 'output'): string {
  return `model.${model.replace(GEOGRAPHY, '')}.${side}`;
}

export function modelUsages(models: readonly ModelUsage[], scope: string): Usage[] {
  return models.flatMap((m) =>
    (['input', 'output'] as const).map((side) => ({
      id: modelPriceId(m.model, side),
      label: `${m.model}, ${side} tokens`,
      priceId: modelPriceId(m.model, side),
      quantity: side === 'input' ? m.inputTokens : m.outputTokens,
      unit: `${side} tokens`,
      source: `aws/spans gen_ai.usage.${side}_tokens, ${m.calls.toLocaleString('en-US')} model calls (${scope})`,
    })),
  );
}

/** The "not included" sentence when usage could not be read, or there was none (with the traces read's own reason when it gave one). */
export function modelCostGap(agentName: string, reason: 'none' | 'error', detail?: string): string {
  if (reason === 'error') return `Model cost not included: token usage could not be read from aws/spans — ${detail ?? 'unknown error'}`;
  return detail
    ? `Model cost not included: ${detail}`
    : `Model cost not included: no model spans with token counts for ${agentName} in aws/spans for this range (observability off, or no model calls)`;
}
