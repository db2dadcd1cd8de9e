/**
 * Cost arithmetic: usage × price, with the formula and inputs spelled out on
 * every line so the UI can show how a figure was reached. A price is quoted
 * "per N units" (`per: "1,000 events"`), so the divisor is read from the
 * entry's own `per` text rather than assumed.
 */
import type { CostBreakdown, CostLine, PriceEntry, PriceTable } from '../../../shared/metrics';

/** For views that do not read spans (the fleet, memories, gateways): tokens are counted per agent. */
export const MODEL_COST_NOT_INCLUDED = 'Model cost not included here: open an agent’s metrics for its model cost from traces';

/** The N of "per N units": "1,000 events" → 1000, "vCPU-hour" → 1. */
export function perQuantity(per: string): number {
  const m = /^\s*([\d,]+(?:\.\d+)?)\s/.exec(per);
  const n = m ? Number(m[1]!.replace(/,/g, '')) : 1;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const num = (n: number): string => (Math.abs(n) >= 100 ? n.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(Number(n.toPrecision(4))));

export interface Usage {
  /** The line's id, e.g. `runtime.cpu` (usually the price id). */
  id: string;
  label: string;
  priceId: string;
  quantity: number;
  /** e.g. "vCPU-hours", "events". */
  unit: string;
  /** Where the quantity came from, e.g. "CloudWatch CPUUsed-vCPUHours, Sum". */
  source: string;
  lagging?: string;
}

export function findPrice(prices: PriceTable, id: string): PriceEntry | undefined {
  return prices.entries.find((e) => e.id === id);
}

export function costLine(usage: Usage, price: PriceEntry): CostLine {
  const per = perQuantity(price.per);
  const usd = (usage.quantity / per) * price.usd;
  const formula =
    per === 1
      ? `${num(usage.quantity)} ${usage.unit} × $${price.usd} per ${price.per}`
      : `${num(usage.quantity)} ${usage.unit} ÷ ${num(per)} × $${price.usd} per ${price.per}`;
  return {
    id: usage.id,
    label: usage.label,
    usd,
    formula,
    inputs: [
      { label: usage.label, value: usage.quantity, unit: usage.unit, source: usage.source },
      { label: price.label, value: price.usd, unit: `USD per ${price.per}`, source: 'price table' },
    ],
    priceId: price.id,
    ...(usage.lagging ? { lagging: usage.lagging } : {}),
  };
}

/** Lines for the usages whose price exists; a missing price says so in notIncluded instead of costing zero. */
export function breakdown(usages: Usage[], prices: PriceTable, notIncluded: string[]): CostBreakdown {
  const lines: CostLine[] = [];
  const missing: string[] = [];
  for (const u of usages) {
    const price = findPrice(prices, u.priceId);
    if (price) lines.push(costLine(u, price));
    else missing.push(`${u.label} not included: the price table has no usable entry ${u.priceId}`);
  }
  return { totalUsd: lines.reduce((sum, l) => sum + l.usd, 0), lines, notIncluded: [...missing, ...notIncluded] };
}

export const RUNTIME_LAG = 'Resource usage metrics can trail real usage by up to an hour.';

/** Runtime CPU and memory from CPUUsed-vCPUHours and MemoryUsed-GBHours (Sum over the range). */
export function runtimeUsages(cpuHours: number, gbHours: number, scope: string): Usage[] {
  return [
    {
      id: 'runtime.cpu',
      label: 'Runtime CPU',
      priceId: 'runtime.cpu',
      quantity: cpuHours,
      unit: 'vCPU-hours',
      source: `CloudWatch CPUUsed-vCPUHours, Sum (${scope})`,
      lagging: RUNTIME_LAG,
    },
    {
      id: 'runtime.memory',
      label: 'Runtime memory',
      priceId: 'runtime.memory',
      quantity: gbHours,
      unit: 'GB-hours',
      source: `CloudWatch MemoryUsed-GBHours, Sum (${scope})`,
      lagging: RUNTIME_LAG,
    },
  ];
}

const DAY_MS = 86_400_000;

/** The calendar month (UTC) that `now` is in: [start, end). */
export function monthOf(now: number): { start: number; end: number } {
  const d = new Date(now);
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/** Linear extrapolation of the spend since the 1st to the month's end; null in the month's first minute (nothing to extrapolate from). */
export function monthEndProjection(spentUsd: number, now: number): { usd: number; formula: string } | null {
  const { start, end } = monthOf(now);
  const elapsed = now - start;
  if (elapsed < 60_000) return null;
  const usd = (spentUsd * (end - start)) / elapsed;
  const days = (ms: number) => num(ms / DAY_MS);
  return {
    usd,
    formula: `$${num(spentUsd)} spent since ${new Date(start).toISOString().slice(0, 10)} over ${days(elapsed)} days, extrapolated linearly: × ${days(end - start)} ÷ ${days(elapsed)} days (runtime CPU and memory only)`,
  };
}
