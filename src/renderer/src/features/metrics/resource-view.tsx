/** `#/metrics?resource=`: a memory or a gateway over a range — its CloudWatch series on the same charts as an agent's, and its cost. */
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useFleetResource } from '../fleet/fleet-data';
import { MetricCharts } from './agent-charts';
import { CostPanel } from './cost-panel';
import { useMetricsQuery } from './metrics-api';
import { MetricsNotices } from './metrics-notices';
import { kindOfKey } from '../../../../shared/fleet';
import { toMetricRange, type MetricsView, type ViewRange } from './metrics-route';
import { RangeSelector } from './range-selector';
import { MetricsFrame } from './metrics-frame';

export function ResourceView({ view, onRange }: { view: MetricsView & { resource: string }; onRange: (range: ViewRange) => void }) {
  const resource = useFleetResource(view.resource);
  const query = useMetricsQuery('metrics.resource', { key: view.resource, range: toMetricRange(view.range) }, { live: view.range.kind === 'preset' });
  const data = query.data;
  const kind = data?.kind ?? kindOfKey(view.resource);
  const name = resource?.name ?? view.resource.split('|')[3] ?? 'Resource';
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={`${kind === 'gateway' ? 'Gateway' : 'Memory'}${resource ? ` · ${resource.region} · ${resource.profile}` : ''}`}>
          <span data-testid="page-metrics">{name}</span>
        </Header>
      }
    >
      <MetricsFrame
        query={query}
        errorHeader="Metrics could not be read"
        controls={
          <>
            <RangeSelector range={view.range} onChange={onRange} />
          </>
        }
      >
        {(data) => (
          <>
            <MetricsNotices notices={data.notices} />
            <MetricCharts syncId={`resource:${view.resource}`} series={data.series} startTime={data.startTime} endTime={data.endTime} />
            <CostPanel cost={data.cost} />
          </>
        )}
      </MetricsFrame>
    </ContentLayout>
  );
}
