/**
 * `#/metrics?agent=`: one agent runtime endpoint over a range — its tiles
 * against the previous period, its charts with SLO lines and breaches, its
 * cost with every figure's formula, and an editor for its thresholds.
 */
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource } from '../fleet/fleet-data';
import { logsQuery } from '../logs/logs-route';
import { MetricCharts } from './agent-charts';
import { BreachTable } from './breach-table';
import { CostPanel } from './cost-panel';
import { useMetricsQuery } from './metrics-api';
import { MetricsNotices } from './metrics-notices';
import { DEFAULT_ENDPOINT, toMetricRange, type MetricsView, type ViewRange } from './metrics-route';
import { RangeSelector } from './range-selector';
import { SloEditor } from './slo-editor';
import { SloBadge } from './slo-status';
import { StatTiles } from './stat-tiles';
import { MetricsFrame } from './metrics-frame';
import { useIsViewer } from '../../state/viewer';

interface Props {
  view: MetricsView & { agent: string };
  onRange: (range: ViewRange) => void;
  onEndpoint: (endpoint: string) => void;
}

export function AgentView({ view, onRange, onEndpoint }: Props) {
  const resource = useFleetResource(view.agent);
  const query = useMetricsQuery(
    'metrics.agent',
    { agentKey: view.agent, endpoint: view.endpoint, range: toMetricRange(view.range) },
    { live: view.range.kind === 'preset' },
  );
  const [editing, setEditing] = useState(false);
  // A share's viewer reads the SLO but may not change it.
  const viewer = useIsViewer();
  const data = query.data;
  const name = data?.agentName ?? resource?.name ?? view.agent.split('|')[3] ?? 'Agent';
  const endpoints = [DEFAULT_ENDPOINT, ...(resource?.endpoints ?? []).map((e) => e.name).filter((n) => n !== DEFAULT_ENDPOINT)];

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={resource ? `${resource.region} · ${resource.profile} · endpoint ${view.endpoint}` : `Endpoint ${view.endpoint}`}
          info={data ? <SloBadge breaches={data.breaches} /> : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button href={hrefFor('logs', logsQuery({ agent: view.agent, endpoint: view.endpoint }))} iconName="transcript">
                Logs
              </Button>
              {!viewer && (
                <Button onClick={() => setEditing(true)} disabled={!data} data-testid="metrics-edit-slo">
                  Edit SLO
                </Button>
              )}
            </SpaceBetween>
          }
        >
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
            <Select
              selectedOption={{ value: view.endpoint, label: `Endpoint: ${view.endpoint}` }}
              options={endpoints.map((e) => ({ value: e, label: `Endpoint: ${e}` }))}
              onChange={(e) => onEndpoint(e.detail.selectedOption.value ?? DEFAULT_ENDPOINT)}
              ariaLabel="Endpoint"
            />
          </>
        }
      >
        {(data) => (
          <>
            <MetricsNotices notices={data.notices} />
            <StatTiles tiles={data.tiles} />
            <MetricCharts
              syncId={`agent:${view.agent}`}
              series={data.series}
              startTime={data.startTime}
              endTime={data.endTime}
              slo={data.slo}
              breaches={data.breaches}
            />
            <BreachTable breaches={data.breaches} agentKey={view.agent} endpoint={view.endpoint} endTime={data.endTime} />
            <CostPanel cost={data.cost} />
          </>
        )}
      </MetricsFrame>
      {editing && data && <SloEditor agentKey={view.agent} agentName={name} slo={data.slo} onClose={() => setEditing(false)} />}
    </ContentLayout>
  );
}
