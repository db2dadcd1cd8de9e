/** Column definitions of the fleet table. */
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { FleetResource } from '../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../lib/relative-time';
import { healthRank } from './filter-resources';
import { formatEndpoint, healthIndicator, kindLabel, versionLabel } from './resource-format';

const MAX_ENDPOINTS = 3;

function Endpoints({ resource }: { resource: FleetResource }) {
  const endpoints = resource.endpoints ?? [];
  if (endpoints.length === 0) return <Box color="text-status-inactive">—</Box>;
  const shown = endpoints.slice(0, MAX_ENDPOINTS);
  return (
    <div className="endpoint-list">
      {shown.map((endpoint) => (
        <span key={endpoint.name} className="endpoint-list__item" title={endpoint.status}>
          {formatEndpoint(endpoint)}
        </span>
      ))}
      {endpoints.length > MAX_ENDPOINTS && <Box variant="small">+{endpoints.length - MAX_ENDPOINTS} more</Box>}
    </div>
  );
}

export function fleetColumns(now: number, onOpen: (resource: FleetResource) => void): TableProps.ColumnDefinition<FleetResource>[] {
  return [
    {
      id: 'name',
      width: 175,
      header: 'Name',
      isRowHeader: true,
      sortingField: 'name',
      cell: (r) => (
        <Link
          onFollow={(event) => {
            event.preventDefault();
            onOpen(r);
          }}
        >
          {r.name}
        </Link>
      ),
    },
    { id: 'kind', width: 95, header: 'Type', sortingField: 'kind', cell: (r) => kindLabel[r.kind] },
    {
      id: 'status',
      width: 190,
      header: 'Status',
      sortingComparator: (a, b) => healthRank[a.health] - healthRank[b.health] || a.status.localeCompare(b.status),
      cell: (r) => (
        <div>
          <StatusIndicator type={healthIndicator[r.health]}>{r.status}</StatusIndicator>
          {r.failureReason && (
            <div className="failure-reason" title={r.failureReason}>
              <Box variant="span" fontSize="body-s" color="text-status-error">
                {r.failureReason}
              </Box>
            </div>
          )}
        </div>
      ),
    },
    { id: 'region', width: 110, header: 'Region', sortingField: 'region', cell: (r) => r.region },
    {
      id: 'account',
      width: 140,
      header: 'Account',
      sortingField: 'accountId',
      cell: (r) => (
        <div>
          <div>{r.accountId}</div>
          <Box variant="small" color="text-body-secondary">
            {r.profile}
          </Box>
        </div>
      ),
    },
    { id: 'version', width: 100, header: 'Version', cell: (r) => (r.version ? versionLabel(r.version) : <Box color="text-status-inactive">—</Box>) },
    { id: 'endpoints', width: 130, header: 'Endpoints', cell: (r) => <Endpoints resource={r} /> },
    {
      id: 'updated',
      header: 'Last updated',
      sortingComparator: (a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0),
      cell: (r) =>
        r.updatedAt ? <span title={formatTimestamp(r.updatedAt)}>{formatRelative(r.updatedAt, now)}</span> : <Box color="text-status-inactive">—</Box>,
    },
  ];
}
