/** What a benchmark module default-exports for `npm run bench`. */
export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≥ 50000" or "< 20". */
  target?: string;
  pass?: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
