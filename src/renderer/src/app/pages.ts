/** Every page of the console, in side-navigation order: one list feeds nav, breadcrumbs and the command palette. */
import type { IconProps } from '@cloudscape-design/components/icon';
import type { PageId } from '../routing/hash-route';

export interface PageMeta {
  id: PageId;
  title: string;
  /** One line for the command palette. */
  summary: string;
  icon: IconProps.Name;
  section: 'operate' | 'observe' | 'console';
}

export const pages: readonly PageMeta[] = [
  { id: 'fleet', title: 'Fleet', summary: 'Runtimes, memories and gateways across profiles and regions', icon: 'multiscreen', section: 'operate' },
  { id: 'chat', title: 'Chat', summary: 'Invoke an agent and follow its streamed answer', icon: 'contact', section: 'operate' },
  { id: 'memory', title: 'Memory', summary: 'Browse memory namespaces, records and events', icon: 'folder-open', section: 'operate' },
  { id: 'logs', title: 'Logs', summary: 'Live tail of an agent’s CloudWatch logs', icon: 'transcript', section: 'observe' },
  { id: 'metrics', title: 'Metrics', summary: 'Latency, errors and cost per agent', icon: 'grid-view', section: 'observe' },
  { id: 'loadtest', title: 'Load test', summary: 'Drive concurrent invocations and measure the tail', icon: 'upload-download', section: 'observe' },
  { id: 'warroom', title: 'War room', summary: 'A read-only live view to share during an incident', icon: 'flag', section: 'observe' },
  { id: 'settings', title: 'Settings', summary: 'Theme, density, polling and watched profiles', icon: 'settings', section: 'console' },
];

export const pageMeta = (id: PageId): PageMeta => pages.find((page) => page.id === id) ?? (pages[0] as PageMeta);
