/** The memory page as the shell sees it: crumbs follow AgentCore's structure (memory › actor › session, memory › namespace › record). */
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useMemo } from 'react';
import { useIdentifierFormatter } from '../../components/identifier';
import { definePage, pickQuery, type PaletteGroup } from '../../app/page-definition';
import type { Query } from '../../routing/hash-route';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource, useFleetSnapshot } from '../fleet/fleet-data';
import { memoryQuery, parseMemoryQuery } from './memory-route';
import { MemoryPage } from './memory-page';

function useMemoryBreadcrumbs(query: Query): readonly BreadcrumbGroupProps.Item[] {
  const view = parseMemoryQuery(query);
  const memory = useFleetResource(view.memory);
  const formatId = useIdentifierFormatter();
  const crumbs: BreadcrumbGroupProps.Item[] = [{ text: 'Memory', href: hrefFor('memory') }];
  if (!view.memory) return view.tab === 'audit' ? [...crumbs, { text: 'Audit log', href: hrefFor('memory', { tab: 'audit' }) }] : crumbs;
  const base = { memory: view.memory };
  crumbs.push({ text: memory?.name ?? view.memory.split('|')[3] ?? 'Memory', href: hrefFor('memory', memoryQuery(base)) });
  if (view.tab === 'long') {
    if (view.namespace)
      crumbs.push({ text: view.namespace, href: hrefFor('memory', memoryQuery({ ...base, tab: 'long', actor: view.actor, namespace: view.namespace })) });
    if (view.record) crumbs.push({ text: view.record, href: hrefFor('memory', query) });
    return crumbs;
  }
  if (view.tab !== 'short') return crumbs;
  if (view.actor) crumbs.push({ text: formatId('user', view.actor), href: hrefFor('memory', memoryQuery({ ...base, actor: view.actor })) });
  if (view.session) crumbs.push({ text: view.session, href: hrefFor('memory', memoryQuery({ ...base, actor: view.actor, session: view.session })) });
  if (view.event) crumbs.push({ text: view.event, href: hrefFor('memory', query) });
  return crumbs;
}

function useMemoryPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  return useMemo(() => {
    const memories = (resources ?? []).filter((r) => r.kind === 'memory');
    return [
      {
        label: `Memory (${memories.length})`,
        entries: [
          ...memories.map((m) => ({
            value: `memory:${m.key}`,
            label: `Browse ${m.name}`,
            labelTag: m.status,
            description: `Memory · ${m.region} · ${m.profile}`,
            iconName: 'folder-open' as const,
            route: { page: 'memory', query: memoryQuery({ memory: m.key }) },
          })),
          {
            value: 'memory:audit',
            label: 'Memory audit log',
            description: 'Every delete sent from this console',
            route: { page: 'memory', query: { tab: 'audit' } },
          },
        ],
      },
    ];
  }, [resources]);
}

export const memoryPage = definePage({
  id: 'memory',
  title: 'Memory',
  description: 'Browse memory actors, sessions, events and long-term records',
  navGroup: 'operate',
  icon: 'folder-open',
  component: MemoryPage,
  usePaletteEntries: useMemoryPaletteEntries,
  shellQuery: pickQuery('memory', 'tab', 'actor', 'session', 'event', 'ns', 'record'),
  useBreadcrumbs: useMemoryBreadcrumbs,
  contentType: (query) => (query.memory ? 'default' : 'table'),
});
