/** Text filter plus type / status / region selects; the values live in the URL (see fleet-query.ts). */
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import TextFilter, { type TextFilterProps } from '@cloudscape-design/components/text-filter';
import { forwardRef } from 'react';
import { resourceKinds, type ResourceKind } from '../../../../shared/fleet';
import type { FleetFilter } from './fleet-query';
import { kindLabel } from './resource-format';

export interface FleetFiltersProps {
  filter: FleetFilter;
  statuses: readonly string[];
  regions: readonly string[];
  matches: number;
  onChange: (filter: FleetFilter) => void;
}

const ANY = '';

function option(value: string, label: string): SelectProps.Option {
  return { value, label };
}

function FilterSelect(props: { label: string; anyLabel: string; value: string | null; options: SelectProps.Option[]; onChange: (value: string | null) => void }) {
  const options = [option(ANY, props.anyLabel), ...props.options];
  const selected = options.find((o) => o.value === (props.value ?? ANY)) ?? options[0] ?? null;
  return (
    <div className="fleet-filters__select">
      <Select
        ariaLabel={props.label}
        selectedOption={selected}
        options={options}
        onChange={(event) => props.onChange(event.detail.selectedOption.value || null)}
      />
    </div>
  );
}

export const FleetFilters = forwardRef<TextFilterProps.Ref, FleetFiltersProps>(function FleetFilters(
  { filter, statuses, regions, matches, onChange },
  ref,
) {
  const isKind = (value: string | null): value is ResourceKind => (resourceKinds as readonly (string | null)[]).includes(value);
  return (
    <div className="fleet-filters">
      <div className="fleet-filters__text">
        <TextFilter
          ref={ref}
          filteringText={filter.text}
          filteringPlaceholder="Find resources  (press / )"
          filteringAriaLabel="Filter fleet resources"
          countText={filter.text ? `${matches} ${matches === 1 ? 'match' : 'matches'}` : undefined}
          onChange={(event) => onChange({ ...filter, text: event.detail.filteringText })}
        />
      </div>
      <FilterSelect
        label="Filter by type"
        anyLabel="Any type"
        value={filter.kind}
        options={resourceKinds.map((kind) => option(kind, kindLabel[kind]))}
        onChange={(value) => onChange({ ...filter, kind: isKind(value) ? value : null })}
      />
      <FilterSelect
        label="Filter by status"
        anyLabel="Any status"
        value={filter.status}
        options={statuses.map((status) => option(status, status))}
        onChange={(value) => onChange({ ...filter, status: value })}
      />
      <FilterSelect
        label="Filter by region"
        anyLabel="Any region"
        value={filter.region}
        options={regions.map((region) => option(region, region))}
        onChange={(value) => onChange({ ...filter, region: value })}
      />
    </div>
  );
});
