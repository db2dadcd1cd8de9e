/** How the board writes latency: seconds with one decimal from a second up, since "7.0 s" reads across a room where "7,009 ms" does not. */
export function boardLatency(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
