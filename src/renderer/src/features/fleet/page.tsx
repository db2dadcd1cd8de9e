/** The fleet page as the shell sees it: the quick-look split panel, resource crumbs and palette entries all come from the route's fleet query. */
import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useMemo } from 'react';
import { definePage, pickQuery, type PaletteGroup } from '../../app/page-definition';
import type { Query } from '../../routing/hash-route';
import { hrefFor, replaceQuery } from '../../routing/use-hash-route';
import { useFleetResource, useFleetSnapshot } from './fleet-data';
import { FleetDetailPanel } from './fleet-detail-panel';
import { FleetPage } from './fleet-page';
import { parseFleetQuery, rememberedView } from './fleet-query';
import { kindLabel } from './resource-format';
import { useIdentifierFormatter } from '../../components/identifier';

function useFleetBreadcrumbs(query: Query): readonly BreadcrumbGroupProps.Item[] {
  const view = parseFleetQuery(query);
  const named = useFleetResource(view.detail ?? (view.panelOpen ? view.selected : null));
  if (view.detail) {
    return [
      { text: 'Fleet', href: hrefFor('fleet', rememberedView(query)) },
      { text: named?.name ?? view.detail.split('|')[3] ?? 'Resource', href: hrefFor('fleet', query) },
    ];
  }
  return [{ text: 'Fleet', href: hrefFor('fleet') }, ...(named ? [{ text: named.name, href: hrefFor('fleet', query) }] : [])];
}

function QuickLook({ query }: { query: Query }) {
  return <FleetDetailPanel resource={useFleetResource(parseFleetQuery(query).selected)} />;
}

function useFleetPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  const formatId = useIdentifierFormatter();
  return useMemo(() => {
    const all = resources ?? [];
    return [
      {
        label: `Fleet (${all.length})`,
        entries: all.map((r) => ({
          value: `resource:${r.key}`,
          label: r.name,
          labelTag: r.status,
          description: [kindLabel[r.kind], r.region, formatId('account', r.accountId), r.profile].join(' · '),
          // Filters are cleared so the chosen resource is on screen.
          route: { page: 'fleet', query: { sel: r.key, panel: 'open' } },
        })),
      },
    ];
  }, [resources, formatId]);
}

export const fleetPage = definePage({
  id: 'fleet',
  title: 'Fleet',
  description: 'Runtimes, memories and gateways across profiles and regions',
  navGroup: 'operate',
  icon: 'multiscreen',
  component: FleetPage,
  shared: true,
  usePaletteEntries: useFleetPaletteEntries,
  // The selection and quick look, not the filters (a keystroke must not re-render the shell); a detail page has no
  // filter box, and its "Fleet" crumb leads back to the filtered table, so there the whole query counts.
  shellQuery: (query) => (query.detail ? query : pickQuery('sel', 'panel')(query)),
  useBreadcrumbs: useFleetBreadcrumbs,
  contentType: (query) => (query.detail ? 'default' : 'table'),
  splitPanel: {
    isShown: (query) => {
      const view = parseFleetQuery(query);
      return view.selected !== null && view.detail === null;
    },
    isOpen: (query) => parseFleetQuery(query).panelOpen,
    onToggle: (open) => replaceQuery({ panel: open ? 'open' : undefined }),
    Panel: QuickLook,
  },
});
