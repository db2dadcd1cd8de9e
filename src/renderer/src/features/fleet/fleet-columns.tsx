/** Column definitions of the fleet grid: status first (with its reason), then identity, placement and versions. */
import type { ReactNode } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../lib/relative-time';
import { FailureReason } from './failure-reason';
import { GridLink, GridStatus } from './grid-cells';
import { healthRank } from './filter-resources';
import { formatEndpoint, isRollingOut, kindLabel, versionLabel } from './resource-format';
import { Identifier } from '../../components/identifier';

const MAX_ENDPOINTS = 3;
// Plain elements with the console's text classes: a row mounts many cells per keystroke, and each
// Cloudscape Box is a component with its own effects; StatusIndicator and Link stay for fidelity.
const dash = <span className="cell-muted">—</span>;

export interface FleetColumn {
  id: string;
  header: string;
  /** Pixels; the column without a width takes the rest. */
  width?: number;
  cell: (resource: FleetResource) => ReactNode;
  sortingField?: keyof FleetResource;
  sortingComparator?: (a: FleetResource, b: FleetResource) => number;
}

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
            className="endpoint-list__item"
            title={
              rolling
                ? `${endpoint.status}: serving ${versionLabel(endpoint.liveVersion ?? '')}, moving to ${versionLabel(endpoint.targetVersion ?? '')}`
                : endpoint.status
            }
          >
            {rolling ? <span className="cell-rolling">{formatEndpoint(endpoint)}</span> : formatEndpoint(endpoint)}
          </span>
        );
      })}
      {endpoints.length > MAX_ENDPOINTS && <span className="cell-small">+{endpoints.length - MAX_ENDPOINTS} more</span>}
    </div>
  );
}

export interface ColumnActions {
  /** The href of a resource's detail page (links stay real links: middle-click, copy address). */
  detailHref: (resource: FleetResource) => string;
  openDetail: (resource: FleetResource) => void;
}

export function fleetColumns(now: number, actions: ColumnActions): FleetColumn[] {
  return [
    {
      id: 'status',
      width: 205,
      header: 'Status',
      sortingComparator: (a, b) => healthRank[a.health] - healthRank[b.health] || a.status.localeCompare(b.status),
      cell: (r) => (
        <div>
          <GridStatus health={r.health} status={r.status} />
          {r.failureReason && <FailureReason key={r.key} text={r.failureReason} />}
        </div>
      ),
    },
    {
      id: 'name',
      width: 190,
      header: 'Name',
      sortingField: 'name',
      cell: (r) => (
        <span className="fleet-name" title={r.name}>
          <GridLink href={actions.detailHref(r)} onFollow={() => actions.openDetail(r)}>
            {r.name}
          </GridLink>
        </span>
      ),
    },
    { id: 'kind', width: 90, header: 'Type', sortingField: 'kind', cell: (r) => kindLabel[r.kind] },
    { id: 'region', width: 120, header: 'Region', sortingField: 'region', cell: (r) => r.region },
    {
      id: 'account',
      width: 155,
      header: 'Account / profile',
      sortingField: 'accountId',
      cell: (r) => (
        <div>
          <div>
            <Identifier kind="account" value={r.accountId} />
          </div>
          <div className="cell-small cell-secondary">{r.profile}</div>
        </div>
      ),
    },
    { id: 'version', width: 75, header: 'Version', cell: (r) => (r.version ? versionLabel(r.version) : dash) },
    { id: 'endpoints', width: 145, header: 'Endpoints', cell: (r) => <Endpoints resource={r} /> },
    {
      id: 'updated',
      header: 'Last updated',
      sortingComparator: (a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0),
      cell: (r) => (r.updatedAt ? <span title={formatTimestamp(r.updatedAt)}>{formatRelative(r.updatedAt, now)}</span> : dash),
    },
  ];
}
