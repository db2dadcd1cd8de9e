/** The SLO editor's field checks: the bounds of metricsInputs.sloSet, said at the field they concern before main refuses them. */
export function errorRateError(text: string): string | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number.';
  if (value < 0 || value > 100) return 'Between 0 and 100 percent.';
  return undefined;
}

export function p99Error(text: string): string | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number.';
  if (!Number.isInteger(value)) return 'Whole milliseconds.';
  if (value < 1 || value > 3_600_000) return 'Between 1 ms and one hour (3,600,000 ms).';
  return undefined;
}
