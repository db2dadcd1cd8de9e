/** The metrics page as the shell sees it: crumbs Metrics › agent (or memory / gateway), and a "Metrics: <name>" palette entry per runtime, memory and gateway. */
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useMemo } from 'react';
import { definePage, pickQuery, type PaletteGroup } from '../../app/page-definition';
import type { Query } from '../../routing/hash-route';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource, useFleetSnapshot } from '../fleet/fleet-data';
import { MetricsPage } from './metrics-page';
import { metricsQuery, parseMetricsQuery } from './metrics-route';

function useMetricsBreadcrumbs(query: Query): readonly BreadcrumbGroupProps.Item[] {
  const view = parseMetricsQuery(query);
  const key = view.agent ?? view.resource;
  const resource = useFleetResource(key);
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Metrics', href: hrefFor('metrics') }];
  if (key)
    crumbs.push({
      text: resource?.name ?? key.split('|')[3] ?? 'Agent',
      href: hrefFor('metrics', metricsQuery(view.agent ? { agent: key } : { resource: key })),
    });
  return crumbs;
}

const kinds = { runtime: 'Agent runtime', memory: 'Memory', gateway: 'Gateway' } as const;

function useMetricsPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  return useMemo(() => {
    const charted = (resources ?? []).filter((r) => r.kind === 'runtime' || r.kind === 'memory' || r.kind === 'gateway');
    return [
      {
        label: 'Metrics',
        entries: charted.map((r) => ({
          value: `metrics:${r.key}`,
          label: `Metrics: ${r.name}`,
          description: `${kinds[r.kind as keyof typeof kinds]} · ${r.region} · ${r.profile}`,
          iconName: 'grid-view' as const,
          route: { page: 'metrics', query: metricsQuery(r.kind === 'runtime' ? { agent: r.key } : { resource: r.key }) },
        })),
      },
    ];
  }, [resources]);
}

export const metricsPage = definePage({
  id: 'metrics',
  title: 'Metrics',
  description: 'Latency, errors and cost per agent',
  navGroup: 'observe',
  icon: 'grid-view',
  component: MetricsPage,
  shared: true,
  usePaletteEntries: useMetricsPaletteEntries,
  shellQuery: pickQuery('agent', 'resource'),
  useBreadcrumbs: useMetricsBreadcrumbs,
  // 'table' lets charts sit two abreast across the whole width of a 1920 screen; 'dashboard' caps it.
  contentType: () => 'table',
});
