/** Every page of the console, in side-navigation order. Adding a page: its feature folder, and one line here. */
import { chatPage } from '../features/chat/page';
import { fleetPage } from '../features/fleet/page';
import { loadTestPage } from '../features/loadtest/page';
import { logsPage } from '../features/logs/page';
import { memoryPage } from '../features/memory/page';
import { metricsPage } from '../features/metrics/page';
import { settingsPage } from '../features/settings/page';
import { tracesPage } from '../features/traces/page';
import { warRoomPage } from '../features/warroom/page';
import type { PageSet } from '../routing/hash-route';
import type { PageDefinition } from './page-definition';

export const pageRegistry = [fleetPage, chatPage, memoryPage, logsPage, tracesPage, metricsPage, loadTestPage, warRoomPage, settingsPage] as const;

export type PageId = (typeof pageRegistry)[number]['id'];

/** The first page is the home page: an empty or unknown hash shows it. */
export const pageSet: PageSet = { ids: pageRegistry.map((page) => page.id), fallback: pageRegistry[0].id };

export const pageById = (id: PageId): PageDefinition<PageId> => pageRegistry.find((page) => page.id === id) ?? pageRegistry[0];
