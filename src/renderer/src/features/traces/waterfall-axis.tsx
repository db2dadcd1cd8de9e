/** The waterfall's fixed parts: the time axis above the rows, its grid lines behind them, and the legend. */
import Icon from '@cloudscape-design/components/icon';
import { categories, categoryOrder } from './span-format';
import type { AxisTick } from './waterfall-layout';

/** A label slides from left-aligned at 0 to right-aligned at the end, so the first and last stay inside the axis. */
const tickStyle = (offset: number) => ({ left: `${offset * 100}%`, transform: `translateX(-${offset * 100}%)` });

export function WaterfallAxis({ ticks, durationLabel }: { ticks: readonly AxisTick[]; durationLabel: string }) {
  return (
    <div className="wf-axis" data-testid="trace-waterfall-axis">
      <span className="wf-axis__name">Span · {durationLabel} in all</span>
      <span className="wf-axis__ticks">
        {ticks.map((tick) => (
          <span key={tick.label} className="wf-axis__tick" style={tickStyle(tick.offset)}>
            {tick.label}
          </span>
        ))}
      </span>
    </div>
  );
}

/** One vertical line per tick, drawn once for the whole tree rather than once per row. */
export function WaterfallGrid({ ticks }: { ticks: readonly AxisTick[] }) {
  return (
    <div className="wf-grid" aria-hidden="true">
      {ticks.map((tick) => (
        <span key={tick.label} className="wf-grid__line" style={{ left: `${tick.offset * 100}%` }} />
      ))}
    </div>
  );
}

export function WaterfallLegend() {
  return (
    <ul className="wf-legend" aria-label="Legend">
      {categoryOrder.map((category) => (
        <li key={category}>
          <span className={`wf-swatch wf-bar--${category}`} aria-hidden="true" />
          {categories[category].label}
        </li>
      ))}
      <li>
        <span className="wf-swatch wf-bar--error" aria-hidden="true" />
        <Icon name="status-negative" size="small" variant="error" /> Error
      </li>
      <li>
        <span className="wf-swatch wf-swatch--plain wf-bar--critical" aria-hidden="true" />
        Critical path
      </li>
      <li>
        <span className="wf-orphan">orphan</span> Parent not found
      </li>
    </ul>
  );
}
