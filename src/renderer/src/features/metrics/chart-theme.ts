/**
 * Chart colours per mode. Recharts draws SVG with presentation attributes,
 * which cannot read Cloudscape's CSS custom properties, and a PNG export
 * needs concrete colours anyway, so the page picks a palette by mode. The
 * values follow Cloudscape's data-visualisation palette, darkened (light) or
 * lightened (dark) until each line has at least 3:1 against its background
 * and text at least 4.5:1 (WCAG AA), so a projector still separates them.
 */
import { useSyncExternalStore } from 'react';

export interface ChartTheme {
  series: readonly string[];
  text: string;
  grid: string;
  background: string;
  threshold: string;
  breach: string;
  /** Tick and legend size: readable from the back of a war room. */
  fontSize: number;
}

const light: ChartTheme = {
  series: ['#3759ce', '#c33d69', '#067b6c', '#8456ce', '#a84b14', '#5f6b7a'],
  text: '#414d5c',
  grid: '#d1d5db',
  background: '#ffffff',
  threshold: '#d91515',
  breach: '#d91515',
  fontSize: 14,
};

const dark: ChartTheme = {
  series: ['#7ea0f7', '#f2739b', '#3ec1af', '#b18cf0', '#f89256', '#a4acb7'],
  text: '#c6c6cd',
  grid: '#414d5c',
  background: '#161d26',
  threshold: '#ff7a7a',
  breach: '#ff5d64',
  fontSize: 14,
};

const isDark = (): boolean => document.body.classList.contains('awsui-dark-mode');

function subscribe(onChange: () => void): () => void {
  // Cloudscape's applyMode toggles a class on <body>; nothing else announces a mode change.
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, isDark) ? dark : light;
}
