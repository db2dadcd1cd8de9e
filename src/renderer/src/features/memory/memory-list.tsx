/** Every memory of the fleet, to pick one to browse; the audit log of deletes sits beside it. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMemo, useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { Identifier } from '../../components/identifier';
import { formatRelative } from '../../lib/relative-time';
import { useNow } from '../../lib/use-now';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetSnapshot } from '../fleet/fleet-data';
import { statusIndicatorType } from '../fleet/resource-format';
import { memoryQuery } from './memory-route';

export function MemoryList() {
  const snapshot = useFleetSnapshot();
  const now = useNow();
  const [filter, setFilter] = useState('');
  const memories = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (snapshot.data?.resources ?? [])
      .filter((r) => r.kind === 'memory')
      .filter((r) => !needle || `${r.name} ${r.region} ${r.profile} ${r.status}`.toLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
  }, [snapshot.data, filter]);
  return (
    <div data-testid="memory-list">
      <Table<FleetResource>
        variant="full-page"
        loading={snapshot.isLoading}
        loadingText="Loading the fleet"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${memories.length})`}
            actions={
              <Button href={hrefFor('memory', { tab: 'audit' })} iconName="file" data-testid="memory-audit-link">
                Audit log
              </Button>
            }
            description="Pick a memory to browse its actors, sessions, events and long-term records."
          >
            <span data-testid="page-memory">Memories</span>
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filter}
            onChange={(e) => setFilter(e.detail.filteringText)}
            filteringPlaceholder="Find a memory"
            filteringAriaLabel="Find a memory"
          />
        }
        items={memories}
        trackBy="key"
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            cell: (m) => (
              <Link href={hrefFor('memory', memoryQuery({ memory: m.key }))} data-testid="memory-open">
                {m.name}
              </Link>
            ),
          },
          {
            id: 'status',
            header: 'Status',
            cell: (m) => <StatusIndicator type={statusIndicatorType(m.status)}>{m.status}</StatusIndicator>,
          },
          { id: 'region', header: 'Region', cell: (m) => m.region },
          { id: 'account', header: 'Account', cell: (m) => <Identifier kind="account" value={m.accountId} /> },
          { id: 'profile', header: 'Profile', cell: (m) => m.profile },
          { id: 'updated', header: 'Updated', cell: (m) => (m.updatedAt ? formatRelative(m.updatedAt, now) : '—') },
        ]}
        empty={
          <Box textAlign="center" color="text-body-secondary" padding="l">
            {filter ? 'No memory matches.' : 'No memory in the watched profiles and regions.'}
          </Box>
        }
      />
    </div>
  );
}
