/** Type tabs with counts, the text filter and status / region / profile selects; the values live in the URL (see fleet-query.ts). */
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import TextFilter, { type TextFilterProps } from '@cloudscape-design/components/text-filter';
import { forwardRef, memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { resourceKinds, type ResourceKind } from '../../../../shared/fleet';
import type { FilterOptions } from './filter-resources';
import type { FleetFilter } from './fleet-query';
import { kindTitlePlural } from './resource-format';

export interface FleetFiltersProps {
  filter: FleetFilter;
  options: FilterOptions;
  kindCounts: Record<ResourceKind, number>;
  allKinds: number;
  matches: number;
  onChange: (filter: FleetFilter) => void;
}

const ANY = '';
const ALL_KINDS = 'all';

const FilterSelect = memo(function FilterSelect(props: {
  label: string;
  anyLabel: string;
  value: string | null;
  values: readonly string[];
  testId: string;
  onChange: (value: string | null) => void;
}) {
  const options: SelectProps.Option[] = [{ value: ANY, label: props.anyLabel }, ...props.values.map((value) => ({ value, label: value }))];
  // A value from a shared link that the fleet does not (yet) contain still shows as selected.
  if (props.value && !props.values.includes(props.value)) options.push({ value: props.value, label: props.value });
  const selected = options.find((o) => o.value === (props.value ?? ANY)) ?? options[0] ?? null;
  return (
    <div className="fleet-filters__select" data-testid={props.testId}>
      <Select
        ariaLabel={props.label}
        selectedOption={selected}
        options={options}
        onChange={(event) => props.onChange(event.detail.selectedOption.value || null)}
      />
    </div>
  );
});

const isKind = (value: string): value is ResourceKind => (resourceKinds as readonly string[]).includes(value);

/** The type tabs with their counts; memoized, so a keystroke that leaves the counts alone does not re-render them. */
const KindTabs = memo(function KindTabs(props: {
  selected: ResourceKind | null;
  kindCounts: Record<ResourceKind, number>;
  allKinds: number;
  onChange: (kind: ResourceKind | null) => void;
}) {
  const options = useMemo(
    () => [
      { id: ALL_KINDS, text: `All (${props.allKinds})` },
      ...resourceKinds.map((kind) => ({ id: kind, text: `${kindTitlePlural[kind]} (${props.kindCounts[kind]})` })),
    ],
    [props.allKinds, props.kindCounts],
  );
  return (
    <div className="fleet-filters__kinds" data-testid="fleet-type-tabs">
      <SegmentedControl
        label="Resource type"
        selectedId={props.selected ?? ALL_KINDS}
        options={options}
        onChange={(event) => props.onChange(isKind(event.detail.selectedId) ? event.detail.selectedId : null)}
      />
    </div>
  );
});

const FleetFiltersImpl = forwardRef<TextFilterProps.Ref, FleetFiltersProps>(function FleetFilters(
  { filter, options, kindCounts, allKinds, matches, onChange },
  ref,
) {
  // The selects re-render only when their own value or options change, not on every keystroke of the text filter.
  const latest = useRef(filter);
  latest.current = filter;
  const setStatus = useCallback((status: string | null) => onChange({ ...latest.current, status }), [onChange]);
  const setRegion = useCallback((region: string | null) => onChange({ ...latest.current, region }), [onChange]);
  const setProfile = useCallback((profile: string | null) => onChange({ ...latest.current, profile }), [onChange]);
  const setKind = useCallback((kind: ResourceKind | null) => onChange({ ...latest.current, kind }), [onChange]);
  // The tab counts may trail a keystroke by a frame: the rows are what the keystroke must show at once.
  const deferredCounts = useDeferredValue(kindCounts);
  const deferredAll = useDeferredValue(allKinds);
  return (
    <div className="fleet-filters">
      <KindTabs selected={filter.kind} kindCounts={deferredCounts} allKinds={deferredAll} onChange={setKind} />
      <div className="fleet-filters__row">
        <div className="fleet-filters__text">
          <TextFilter
            ref={ref}
            filteringText={filter.text}
            filteringPlaceholder="Find resources by name, ARN, reason…  ( / )"
            filteringAriaLabel="Filter fleet resources"
            countText={filter.text ? `${matches} ${matches === 1 ? 'match' : 'matches'}` : undefined}
            onChange={(event) => onChange({ ...filter, text: event.detail.filteringText })}
          />
        </div>
        <FilterSelect
          label="Filter by status"
          anyLabel="Any status"
          testId="fleet-filter-status"
          value={filter.status}
          values={options.statuses}
          onChange={setStatus}
        />
        <FilterSelect
          label="Filter by region"
          anyLabel="Any region"
          testId="fleet-filter-region"
          value={filter.region}
          values={options.regions}
          onChange={setRegion}
        />
        <FilterSelect
          label="Filter by profile"
          anyLabel="Any profile"
          testId="fleet-filter-profile"
          value={filter.profile}
          values={options.profiles}
          onChange={setProfile}
        />
      </div>
    </div>
  );
});

export const FleetFilters = memo(FleetFiltersImpl);
