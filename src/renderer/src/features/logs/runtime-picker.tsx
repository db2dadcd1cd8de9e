/** Choosing whose logs to read: every agent runtime of the fleet as a table (`#/logs` without an agent), or as a select (a new pane). */
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMemo, useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { Identifier } from '../../components/identifier';
import { hrefFor } from '../../routing/use-hash-route';
import { runtimesOf } from '../chat/agent-picker';
import { useFleetSnapshot } from '../fleet/fleet-data';
import { statusIndicatorType } from '../fleet/resource-format';
import { logsQuery } from './logs-route';

export function useRuntimes(): { runtimes: FleetResource[]; loading: boolean } {
  const snapshot = useFleetSnapshot();
  const runtimes = useMemo(() => runtimesOf(snapshot.data?.resources ?? []), [snapshot.data]);
  return { runtimes, loading: snapshot.data === undefined };
}

export function RuntimePicker() {
  const { runtimes, loading } = useRuntimes();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle ? runtimes.filter((r) => `${r.name} ${r.region} ${r.profile} ${r.status}`.toLowerCase().includes(needle)) : runtimes;
  }, [runtimes, filter]);
  return (
    <div data-testid="logs-runtime-picker">
      <Table<FleetResource>
        variant="full-page"
        loading={loading}
        loadingText="Loading the fleet"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${shown.length})`}
            description="Pick an agent runtime to follow its CloudWatch logs live, or to read a time range. Up to three agents can be followed side by side."
          >
            <span data-testid="page-logs">Logs</span>
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filter}
            onChange={(e) => setFilter(e.detail.filteringText)}
            filteringPlaceholder="Find an agent runtime"
            filteringAriaLabel="Find an agent runtime"
          />
        }
        items={shown}
        trackBy="key"
        columnDefinitions={[
          {
            id: 'name',
            header: 'Agent runtime',
            cell: (r) => (
              <Link href={hrefFor('logs', logsQuery({ agent: r.key }))} data-testid="logs-open-runtime">
                {r.name}
              </Link>
            ),
          },
          { id: 'status', header: 'Status', cell: (r) => <StatusIndicator type={statusIndicatorType(r.status)}>{r.status}</StatusIndicator> },
          { id: 'endpoints', header: 'Endpoints', cell: (r) => (r.endpoints ?? []).map((e) => e.name).join(', ') || 'DEFAULT' },
          {
            id: 'history',
            header: 'Last hour',
            cell: (r) => (
              <Link
                href={hrefFor('logs', logsQuery({ agent: r.key, mode: 'history', range: { kind: 'relative', range: '1h' } }))}
                ariaLabel={`Last hour of ${r.name}`}
              >
                History
              </Link>
            ),
          },
          { id: 'region', header: 'Region', cell: (r) => r.region },
          { id: 'account', header: 'Account', cell: (r) => <Identifier kind="account" value={r.accountId} /> },
          { id: 'profile', header: 'Profile', cell: (r) => r.profile },
        ]}
        empty={
          <Box textAlign="center" color="text-body-secondary" padding="l">
            {filter ? 'No agent runtime matches.' : 'No agent runtime in the watched profiles and regions.'}
          </Box>
        }
      />
    </div>
  );
}

/** The agent of a new pane. */
export function AgentSelect({ onSelect, label }: { onSelect: (key: string) => void; label: string }) {
  const { runtimes, loading } = useRuntimes();
  const options = runtimes.map((r) => ({ value: r.key, label: r.name, description: `${r.region} · ${r.profile}`, tags: [r.status] }));
  return (
    <Select
      selectedOption={null}
      options={options}
      onChange={(e) => e.detail.selectedOption.value && onSelect(e.detail.selectedOption.value)}
      placeholder="Choose an agent runtime"
      filteringType="auto"
      statusType={loading ? 'loading' : 'finished'}
      loadingText="Loading the fleet"
      empty="No agent runtimes in the fleet"
      ariaLabel={label}
      virtualScroll={options.length > 200}
      data-testid="logs-add-agent-select"
    />
  );
}
