/** The logs page as the shell sees it: crumbs Logs › agent, and a "Logs: <agent>" palette entry per agent runtime. */
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useMemo } from 'react';
import { definePage, pickQuery, type PaletteGroup } from '../../app/page-definition';
import type { Query } from '../../routing/hash-route';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource, useFleetSnapshot } from '../fleet/fleet-data';
import { LogsPage } from './logs-page';
import { logsQuery, parseLogsQuery } from './logs-route';

function useLogsBreadcrumbs(query: Query): readonly BreadcrumbGroupProps.Item[] {
  const view = parseLogsQuery(query);
  const agent = useFleetResource(view.agent);
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Logs', href: hrefFor('logs') }];
  if (view.agent) crumbs.push({ text: agent?.name ?? view.agent.split('|')[3] ?? 'Agent', href: hrefFor('logs', logsQuery({ agent: view.agent })) });
  return crumbs;
}

function useLogsPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  return useMemo(() => {
    const runtimes = (resources ?? []).filter((r) => r.kind === 'runtime');
    return [
      {
        label: 'Logs',
        entries: runtimes.map((r) => ({
          value: `logs:${r.key}`,
          label: `Logs: ${r.name}`,
          description: `Live tail · ${r.region} · ${r.profile}`,
          iconName: 'transcript' as const,
          route: { page: 'logs', query: logsQuery({ agent: r.key }) },
        })),
      },
    ];
  }, [resources]);
}

export const logsPage = definePage({
  id: 'logs',
  title: 'Logs',
  description: 'Live tail and history of an agent’s CloudWatch logs',
  navGroup: 'observe',
  icon: 'transcript',
  component: LogsPage,
  shared: true,
  usePaletteEntries: useLogsPaletteEntries,
  shellQuery: pickQuery('agent'),
  useBreadcrumbs: useLogsBreadcrumbs,
  // 'table' lets panes use the whole width (three side by side on a 1920 screen); 'default' caps it.
  contentType: () => 'table',
});
