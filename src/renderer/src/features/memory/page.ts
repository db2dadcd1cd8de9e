/** The memory page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { MemoryPage } from './memory-page';

export const memoryPage = definePage({
  id: 'memory',
  title: 'Memory',
  description: 'Browse memory namespaces, records and events',
  navGroup: 'operate',
  icon: 'folder-open',
  component: MemoryPage,
});
