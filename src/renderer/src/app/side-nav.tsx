/** Side navigation: every page of the registry, grouped as the console's sections; a share's viewer sees only the shared pages. */
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { hrefFor } from '../routing/use-hash-route';
import type { NavGroup, PageDefinition } from './page-definition';
import { pageRegistry, type PageId } from './page-registry';

const link = (page: PageDefinition<PageId>): SideNavigationProps.Link => ({ type: 'link', text: page.title, href: hrefFor(page.id) });

function itemsFor(pages: readonly PageDefinition<PageId>[]): SideNavigationProps.Item[] {
  const group = (name: NavGroup): SideNavigationProps.Link[] => pages.filter((page) => page.navGroup === name).map(link);
  const observe = group('observe');
  const console = group('console');
  return [
    ...group('operate'),
    ...(observe.length ? [{ type: 'divider' } as const, { type: 'section-group', title: 'Observe', items: observe } as const] : []),
    ...(console.length ? [{ type: 'divider' } as const, ...console] : []),
  ];
}

const ownerItems = itemsFor(pageRegistry);
const viewerItems = itemsFor(pageRegistry.filter((page) => page.shared));

export function SideNav({ active, viewer = false }: { active: PageId; viewer?: boolean }) {
  return (
    <SideNavigation
      header={{ href: hrefFor(pageRegistry[0].id), text: viewer ? 'AgentCore Ops · shared' : 'AgentCore Ops' }}
      activeHref={hrefFor(active)}
      items={viewer ? viewerItems : ownerItems}
    />
  );
}
