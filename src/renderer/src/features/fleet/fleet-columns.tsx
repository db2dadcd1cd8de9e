/** Column definitions of the fleet table: status first (with its reason), then identity, placement and versions. */
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { FleetResource } from '../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../lib/relative-time';
import { FailureReason } from './failure-reason';
import { healthRank } from './filter-resources';
import { formatEndpoint, healthIndicator, isRollingOut, kindLabel, versionLabel } from './resource-format';

const MAX_ENDPOINTS = 3;
const dash = <Box color="text-status-inactive">—</Box>;

function Endpoints({ resource }: { resource: FleetResource }) {
  const endpoints = resource.endpoints ?? [];
  if (endpoints.length === 0) return dash;
  const shown = endpoints.slice(0, MAX_ENDPOINTS);
  return (
    <div className="endpoint-list">
      {shown.map((endpoint) => {
        const rolling = isRollingOut(endpoint);
        return (
          <span
            key={endpoint.name}
            className={rolling ? 'endpoint-list__item endpoint-list__item--rolling' : 'endpoint-list__item'}
            title={rolling ? `${endpoint.status}: serving ${versionLabel(endpoint.liveVersion ?? '')}, moving to ${versionLabel(endpoint.targetVersion ?? '')}` : endpoint.status}
          >
            {rolling ? (
              <Box variant="span" color="text-status-info" fontWeight="bold">
                {formatEndpoint(endpoint)}
              </Box>
            ) : (
              formatEndpoint(endpoint)
            )}
          </span>
        );
      })}
      {endpoints.length > MAX_ENDPOINTS && <Box variant="small">+{endpoints.length - MAX_ENDPOINTS} more</Box>}
    </div>
  );
}

export interface ColumnActions {
  /** The href of a resource's detail page (links stay real links: middle-click, copy address). */
  detailHref: (resource: FleetResource) => string;
  openDetail: (resource: FleetResource) => void;
}

export function fleetColumns(now: number, actions: ColumnActions): TableProps.ColumnDefinition<FleetResource>[] {
  return [
    {
      id: 'status',
      width: 195,
      header: 'Status',
      sortingComparator: (a, b) => healthRank[a.health] - healthRank[b.health] || a.status.localeCompare(b.status),
      cell: (r) => (
        <div>
          <StatusIndicator type={healthIndicator[r.health]}>{r.status}</StatusIndicator>
          {r.failureReason && <FailureReason text={r.failureReason} />}
        </div>
      ),
    },
    {
      id: 'name',
      width: 185,
      header: 'Name',
      isRowHeader: true,
      sortingField: 'name',
      cell: (r) => (
        <span className="fleet-name" title={r.name}>
          <Link
            href={actions.detailHref(r)}
            onFollow={(event) => {
              event.preventDefault();
              actions.openDetail(r);
            }}
          >
            {r.name}
          </Link>
        </span>
      ),
    },
    { id: 'kind', width: 95, header: 'Type', sortingField: 'kind', cell: (r) => kindLabel[r.kind] },
    { id: 'region', width: 115, header: 'Region', sortingField: 'region', cell: (r) => r.region },
    {
      id: 'account',
      width: 140,
      header: 'Account / profile',
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
    { id: 'version', width: 90, header: 'Version', cell: (r) => (r.version ? versionLabel(r.version) : dash) },
    { id: 'endpoints', width: 140, header: 'Endpoints', cell: (r) => <Endpoints resource={r} /> },
    {
      id: 'updated',
      header: 'Last updated',
      sortingComparator: (a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0),
      cell: (r) => (r.updatedAt ? <span title={formatTimestamp(r.updatedAt)}>{formatRelative(r.updatedAt, now)}</span> : dash),
    },
  ];
}
