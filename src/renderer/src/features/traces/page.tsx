/** The traces page as the shell sees it: crumbs Traces › agent › trace or session, and a "Traces: <agent>" palette entry per agent runtime. */
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useMemo } from 'react';
import { definePage, pickQuery, type PaletteGroup } from '../../app/page-definition';
import type { Query } from '../../routing/hash-route';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource, useFleetSnapshot } from '../fleet/fleet-data';
import { TracesPage } from './traces-page';
import { parseTracesQuery, tracesQuery } from './traces-route';

function useTracesBreadcrumbs(query: Query): readonly BreadcrumbGroupProps.Item[] {
  const view = parseTracesQuery(query);
  const agent = useFleetResource(view.agent);
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Traces', href: hrefFor('traces') }];
  if (!view.agent) return crumbs;
  crumbs.push({ text: agent?.name ?? view.agent.split('|')[3] ?? 'Agent', href: hrefFor('traces', tracesQuery({ agent: view.agent })) });
  if (view.trace) crumbs.push({ text: `Trace ${view.trace.slice(-8)}`, href: hrefFor('traces', tracesQuery(view)) });
  else if (view.session) crumbs.push({ text: `Session ${view.session.slice(0, 12)}…`, href: hrefFor('traces', tracesQuery(view)) });
  return crumbs;
}

function useTracesPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  return useMemo(() => {
    const runtimes = (resources ?? []).filter((r) => r.kind === 'runtime');
    return [
      {
        label: 'Traces',
        entries: runtimes.map((r) => ({
          value: `traces:${r.key}`,
          label: `Traces: ${r.name}`,
          description: `Recent span waterfalls · ${r.region} · ${r.profile}`,
          iconName: 'share' as const,
          route: { page: 'traces', query: tracesQuery({ agent: r.key }) },
        })),
      },
    ];
  }, [resources]);
}

export const tracesPage = definePage({
  id: 'traces',
  title: 'Traces',
  description: 'Span waterfalls of invocations, token usage and live runtime sessions',
  navGroup: 'observe',
  icon: 'share',
  component: TracesPage,
  shared: true,
  usePaletteEntries: useTracesPaletteEntries,
  shellQuery: pickQuery('agent', 'trace', 'session'),
  useBreadcrumbs: useTracesBreadcrumbs,
  contentType: () => 'table',
});
