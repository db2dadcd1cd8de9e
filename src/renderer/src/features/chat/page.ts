/** The chat page as the shell sees it, with a "Chat with <agent>" palette entry per agent runtime in the fleet. */
import { useMemo } from 'react';
import { definePage, type PaletteGroup } from '../../app/page-definition';
import { useFleetSnapshot } from '../fleet/fleet-data';
import { ChatPage } from './chat-page';

function useChatPaletteEntries(): readonly PaletteGroup[] {
  const resources = useFleetSnapshot().data?.resources;
  return useMemo(
    () => [
      {
        label: 'Chat',
        entries: (resources ?? [])
          .filter((r) => r.kind === 'runtime' || r.kind === 'harness')
          .map((r) => ({
            value: `chat:${r.key}`,
            label: `Chat with ${r.name}`,
            description: `${r.kind === 'harness' ? 'Harness · ' : ''}${r.region} · ${r.profile}`,
            iconName: 'contact' as const,
            route: { page: 'chat', query: { agent: r.key } },
          })),
      },
    ],
    [resources],
  );
}

export const chatPage = definePage({
  id: 'chat',
  title: 'Chat',
  description: 'Invoke an agent and follow its streamed answer',
  navGroup: 'operate',
  icon: 'contact',
  component: ChatPage,
  usePaletteEntries: useChatPaletteEntries,
});
