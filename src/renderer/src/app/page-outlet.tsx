/** The shell's content slot: the current page's component, and the breadcrumbs it asks for. */
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import type { Query } from '../routing/hash-route';
import { hrefFor } from '../routing/use-hash-route';
import type { PageDefinition } from './page-definition';
import type { PageId } from './page-registry';

export function PageOutlet({ page }: { page: PageDefinition<PageId> }) {
  const Page = page.component;
  return <Page />;
}

const titleCrumb = (page: PageDefinition<PageId>) => [{ text: page.title, href: hrefFor(page.id) }];

/** Keyed on the page by the shell: each page's breadcrumb hook runs in a component of its own. */
export function PageBreadcrumbs({ page, query, home }: { page: PageDefinition<PageId>; query: Query; home: string }) {
  const crumbs = page.useBreadcrumbs?.(query) ?? titleCrumb(page);
  return <BreadcrumbGroup items={[{ text: 'AgentCore Ops', href: home }, ...crumbs]} ariaLabel="Breadcrumbs" />;
}
