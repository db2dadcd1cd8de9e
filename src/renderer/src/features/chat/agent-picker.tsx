/** Picks the runtime or harness to chat with (from the fleet snapshot) and the endpoint new sessions use. */
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useMemo } from 'react';
import type { FleetResource } from '../../../../shared/fleet';

const byName = (a: FleetResource, b: FleetResource) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region);

export const runtimesOf = (resources: readonly FleetResource[]): FleetResource[] => resources.filter((r) => r.kind === 'runtime').sort(byName);

/** What a chat can talk to: agent runtimes and managed agent harnesses. */
export const chatAgentsOf = (resources: readonly FleetResource[]): FleetResource[] =>
  resources.filter((r) => r.kind === 'runtime' || r.kind === 'harness').sort(byName);

/** Qualifiers a runtime can be invoked with: its endpoints, DEFAULT first when present. */
export function qualifiersOf(runtime: FleetResource | undefined): string[] {
  const names = (runtime?.endpoints ?? []).map((e) => e.name);
  const unique = [...new Set(['DEFAULT', ...names])];
  return unique;
}

export interface AgentPickerProps {
  runtimes: readonly FleetResource[];
  selected: FleetResource | undefined;
  selectedKey: string | undefined;
  loading: boolean;
  onSelect: (key: string) => void;
  qualifier: string;
  onQualifier: (qualifier: string) => void;
}

export function AgentPicker({ runtimes, selected, selectedKey, loading, onSelect, qualifier, onQualifier }: AgentPickerProps) {
  const options = useMemo<SelectProps.Option[]>(
    () =>
      runtimes.map((r) => ({
        value: r.key,
        label: r.name,
        description: `${r.region} · ${r.profile}`,
        tags: r.kind === 'harness' ? ['Harness', r.status] : [r.status],
        iconName:
          r.health === 'ok' ? 'status-positive' : r.health === 'failed' ? 'status-negative' : r.health === 'pending' ? 'status-in-progress' : 'status-stopped',
      })),
    [runtimes],
  );
  const selectedOption =
    options.find((o) => o.value === selectedKey) ??
    (selectedKey ? { value: selectedKey, label: selectedKey.split('|')[3] ?? selectedKey, description: 'Not in the current fleet snapshot' } : null);
  const endpointOptions = qualifiersOf(selected).map((name) => {
    const endpoint = selected?.endpoints?.find((e) => e.name === name);
    return {
      value: name,
      label: name,
      description: endpoint
        ? `${endpoint.status}${endpoint.liveVersion ? ` · v${endpoint.liveVersion}` : ''}${endpoint.targetVersion && endpoint.targetVersion !== endpoint.liveVersion ? ` → v${endpoint.targetVersion}` : ''}`
        : 'Latest version',
    };
  });
  return (
    <div className="chat-picker" data-testid="chat-agent-picker">
      <div className="chat-picker__agent">
        <Select
          selectedOption={selectedOption}
          options={options}
          onChange={(e) => e.detail.selectedOption.value && onSelect(e.detail.selectedOption.value)}
          placeholder="Choose an agent runtime or harness"
          filteringType="auto"
          filteringPlaceholder="Find by name, region or status"
          statusType={loading ? 'loading' : 'finished'}
          loadingText="Loading the fleet"
          empty="No agent runtimes or harnesses in the fleet"
          ariaLabel="Agent runtime"
          triggerVariant="option"
          virtualScroll={options.length > 200}
        />
      </div>
      <div className="chat-picker__endpoint">
        <Select
          selectedOption={endpointOptions.find((o) => o.value === qualifier) ?? { value: qualifier, label: qualifier }}
          options={endpointOptions}
          onChange={(e) => e.detail.selectedOption.value && onQualifier(e.detail.selectedOption.value)}
          disabled={!selected}
          ariaLabel="Endpoint (qualifier) for new sessions"
          inlineLabelText="Endpoint"
        />
      </div>
    </div>
  );
}
