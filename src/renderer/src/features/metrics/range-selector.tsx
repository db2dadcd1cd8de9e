/** The range of a view: a preset measured back from now, or fixed bounds from the date range picker; both live in the URL. */
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { rangePresets, type RangePreset } from '../../../../shared/metrics';
import type { ViewRange } from './metrics-route';

const presetLabels: Record<RangePreset, string> = { '1h': '1h', '6h': '6h', '24h': '24h', '7d': '7d' };

const pickerValue = (range: ViewRange): DateRangePickerProps.Value | null =>
  range.kind === 'absolute' ? { type: 'absolute', startDate: new Date(range.from).toISOString(), endDate: new Date(range.to).toISOString() } : null;

export function RangeSelector({ range, onChange }: { range: ViewRange; onChange: (range: ViewRange) => void }) {
  return (
    <SpaceBetween direction="horizontal" size="s" alignItems="center">
      <SegmentedControl
        label="Range"
        data-testid="metrics-range"
        selectedId={range.kind === 'preset' ? range.preset : null}
        options={rangePresets.map((preset) => ({ id: preset, text: presetLabels[preset] }))}
        onChange={(e) => onChange({ kind: 'preset', preset: e.detail.selectedId as RangePreset })}
      />
      <DateRangePicker
        rangeSelectorMode="absolute-only"
        value={pickerValue(range)}
        placeholder="Custom range"
        ariaLabel="Custom range"
        relativeOptions={[]}
        isValidRange={(value) => {
          if (value?.type !== 'absolute') return { valid: false, errorMessage: 'Choose a start and an end.' };
          if (Date.parse(value.endDate) <= Date.parse(value.startDate)) return { valid: false, errorMessage: 'The range ends before it starts.' };
          return { valid: true };
        }}
        onChange={(e) => {
          const value = e.detail.value;
          if (value?.type === 'absolute') onChange({ kind: 'absolute', from: Date.parse(value.startDate), to: Date.parse(value.endDate) });
          else onChange({ kind: 'preset', preset: '1h' });
        }}
        i18nStrings={{ clearButtonLabel: 'Clear', applyButtonLabel: 'Apply', cancelButtonLabel: 'Cancel' }}
      />
    </SpaceBetween>
  );
}
