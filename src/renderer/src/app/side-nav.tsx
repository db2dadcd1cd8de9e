/** Side navigation: every page, grouped as the console's sections. */
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { hrefFor } from '../routing/use-hash-route';
import type { PageId } from '../routing/hash-route';
import { pages, type PageMeta } from './pages';

const link = (page: PageMeta): SideNavigationProps.Link => ({ type: 'link', text: page.title, href: hrefFor(page.id) });
const section = (name: PageMeta['section']): PageMeta[] => pages.filter((page) => page.section === name);

const items: SideNavigationProps.Item[] = [
  ...section('operate').map(link),
  { type: 'divider' },
  { type: 'section-group', title: 'Observe', items: section('observe').map(link) },
  { type: 'divider' },
  ...section('console').map(link),
];

export function SideNav({ active }: { active: PageId }) {
  return <SideNavigation header={{ href: hrefFor('fleet'), text: 'AgentCore Ops' }} activeHref={hrefFor(active)} items={items} />;
}
