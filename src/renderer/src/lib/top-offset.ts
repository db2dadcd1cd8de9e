/**
 * The sticky top bar's height, published as a CSS variable by the bar itself,
 * for what must sit below it: sticky table headers, and scrolling a row into
 * view without hiding it under the bar.
 */
export const TOP_OFFSET_VAR = '--console-top-offset';

export function readTopOffset(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue(TOP_OFFSET_VAR)) || 0;
}
