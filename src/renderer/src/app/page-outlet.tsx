/** Which component renders each page, and the split panel a page may show beside it. */
import type { ReactElement } from 'react';
import { ChatPage } from '../features/chat/chat-page';
import { FleetPage } from '../features/fleet/fleet-page';
import { LoadTestPage } from '../features/loadtest/loadtest-page';
import { LogsPage } from '../features/logs/logs-page';
import { MemoryPage } from '../features/memory/memory-page';
import { MetricsPage } from '../features/metrics/metrics-page';
import { SettingsPage } from '../features/settings/settings-page';
import { WarRoomPage } from '../features/warroom/warroom-page';
import type { PageId } from '../routing/hash-route';

const components: Record<PageId, () => ReactElement> = {
  fleet: FleetPage,
  chat: ChatPage,
  memory: MemoryPage,
  logs: LogsPage,
  metrics: MetricsPage,
  loadtest: LoadTestPage,
  warroom: WarRoomPage,
  settings: SettingsPage,
};

export function PageOutlet({ page }: { page: PageId }) {
  const Page = components[page];
  return <Page />;
}
