/** Side navigation: every page of the registry, grouped as the console's sections. */
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { hrefFor } from '../routing/use-hash-route';
import type { NavGroup, PageDefinition } from './page-definition';
import { pageRegistry, type PageId } from './page-registry';

const link = (page: PageDefinition<PageId>): SideNavigationProps.Link => ({ type: 'link', text: page.title, href: hrefFor(page.id) });
const group = (name: NavGroup): SideNavigationProps.Link[] => pageRegistry.filter((page) => page.navGroup === name).map(link);

const items: SideNavigationProps.Item[] = [
  ...group('operate'),
  { type: 'divider' },
  { type: 'section-group', title: 'Observe', items: group('observe') },
  { type: 'divider' },
  ...group('console'),
];

export function SideNav({ active }: { active: PageId }) {
  return <SideNavigation header={{ href: hrefFor(pageRegistry[0].id), text: 'AgentCore Ops' }} activeHref={hrefFor(active)} items={items} />;
}
