/**
 * `#/metrics` without an agent: the fleet over a range — tiles against the
 * previous period, every agent worst first (open breaches, then error rate,
 * then p99, as main orders them) in a sortable table whose rows open the
 * agent's metrics, and where the money goes with the month-end projection.
 */
import { useCollection } from '@cloudscape-design/collection-hooks';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import Box from '@cloudscape-design/components/box';
import type { FleetMetricsRow } from '../../../../shared/metrics';
import { hrefFor } from '../../routing/use-hash-route';
import { CostLeaderboard } from './cost-leaderboard';
import { CostPanel } from './cost-panel';
import { useMetricsQuery } from './metrics-api';
import { formatUsd, formatValue } from './metrics-format';
import { MetricsNotices } from './metrics-notices';
import { metricsQuery, toMetricRange, type MetricsView, type ViewRange } from './metrics-route';
import { RangeSelector } from './range-selector';
import { BreachCell } from './slo-status';
import { StatTiles } from './stat-tiles';
import { MetricsFrame } from './metrics-frame';

/** Nulls (no datapoints) sort below every figure, whichever the direction. */
const by =
  (pick: (r: FleetMetricsRow) => number | null) =>
  (a: FleetMetricsRow, b: FleetMetricsRow): number =>
    (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);

function AgentsTable({ rows, view }: { rows: readonly FleetMetricsRow[]; view: MetricsView }) {
  const { items, collectionProps } = useCollection(rows as FleetMetricsRow[], { sorting: {} });
  return (
    <Table<FleetMetricsRow>
      {...collectionProps}
      data-testid="metrics-fleet-table"
      header={
        <Header variant="h2" counter={`(${rows.length})`} description="Worst first: open SLO breaches, then error rate, then p99. Click a column to sort.">
          Agents
        </Header>
      }
      items={items}
      trackBy="agentKey"
      columnDefinitions={[
        {
          id: 'name',
          header: 'Agent',
          sortingField: 'name',
          cell: (r) => (
            <Link href={hrefFor('metrics', metricsQuery({ agent: r.agentKey, range: view.range }))} data-testid="metrics-open-agent">
              {r.name}
            </Link>
          ),
        },
        { id: 'slo', header: 'SLO', sortingComparator: (a, b) => Number(a.breached) - Number(b.breached), cell: (r) => <BreachCell breached={r.breached} /> },
        { id: 'invocations', header: 'Invocations', sortingComparator: by((r) => r.invocations), cell: (r) => formatValue(r.invocations, 'count') },
        { id: 'errorRate', header: 'Error rate', sortingComparator: by((r) => r.errorRatePct), cell: (r) => formatValue(r.errorRatePct, 'percent') },
        { id: 'p99', header: 'p99', sortingComparator: by((r) => r.p99Ms), cell: (r) => formatValue(r.p99Ms, 'ms') },
        { id: 'cost', header: 'Cost', sortingComparator: by((r) => r.costUsd), cell: (r) => formatUsd(r.costUsd) },
        { id: 'region', header: 'Region', sortingField: 'region', cell: (r) => r.region },
        { id: 'profile', header: 'Profile', sortingField: 'profile', cell: (r) => r.profile },
      ]}
      empty={
        <Box textAlign="center" color="text-body-secondary" padding="l">
          No agent runtime in the watched profiles and regions.
        </Box>
      }
    />
  );
}

export function FleetView({ view, onRange }: { view: MetricsView; onRange: (range: ViewRange) => void }) {
  const query = useMetricsQuery('metrics.fleet', { range: toMetricRange(view.range) }, { live: view.range.kind === 'preset' });
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Invocations, errors, latency and cost of every agent runtime, against the previous period.">
          <span data-testid="page-metrics">Metrics</span>
        </Header>
      }
    >
      <MetricsFrame
        query={query}
        errorHeader="Fleet metrics could not be read"
        controls={
          <>
            <RangeSelector range={view.range} onChange={onRange} />
          </>
        }
      >
        {(data) => (
          <>
            <MetricsNotices notices={data.notices} />
            <StatTiles tiles={data.tiles} />
            <AgentsTable rows={data.rows} view={view} />
            <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
              <CostLeaderboard rows={data.rows} monthEnd={data.monthEnd} />
              <CostPanel cost={data.cost} title="Fleet cost" />
            </Grid>
          </>
        )}
      </MetricsFrame>
    </ContentLayout>
  );
}
