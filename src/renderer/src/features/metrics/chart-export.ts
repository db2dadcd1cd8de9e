/**
 * A chart as a PNG: its SVG serialized, drawn onto a canvas, saved as a file.
 * The SVG holds only the chart's own shapes and text with concrete colours
 * (chart-theme.ts), loaded as a `data:` image — allowed by the CSP's
 * `img-src 'self' data:` — so nothing remote is fetched and the canvas is not
 * tainted. Recharts' legend and tooltip are HTML outside the SVG; the title
 * is written into the image instead, so a pasted PNG says what it shows.
 */
import { safeFilename } from '../../lib/download';
import type { ChartTheme } from './chart-theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 32;
/** Twice the pixels: slides and tickets are read on high-density screens. */
const SCALE = 2;

export function chartSvgMarkup(svg: SVGSVGElement, title: string, theme: ChartTheme): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const total = height + TITLE_HEIGHT;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(total));
  clone.setAttribute('viewBox', `0 ${-TITLE_HEIGHT} ${width} ${total}`);
  // The page's font is a CSS property the detached image would not inherit; without it the ticks fall back to a serif.
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: String(-TITLE_HEIGHT), width: String(width), height: String(total), fill: theme.background }))
    background.setAttribute(k, v);
  const text = document.createElementNS(SVG_NS, 'text');
  for (const [k, v] of Object.entries({ x: '12', y: String(-10), fill: theme.text, 'font-size': '16', 'font-weight': '700', 'font-family': 'inherit' }))
    text.setAttribute(k, v);
  text.textContent = title;
  clone.insertBefore(text, clone.firstChild);
  clone.insertBefore(background, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), width, height: total };
}

function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = safeFilename(filename);
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportChartPng(container: HTMLElement, title: string, theme: ChartTheme, filename: string): Promise<void> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('The chart has not been drawn yet');
  const { markup, width, height } = chartSvgMarkup(svg, title, theme);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas to draw the chart on');
  context.scale(SCALE, SCALE);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be encoded as PNG');
  saveBlob(filename, blob);
}
