/** Ctrl/Cmd-K: jump to any page, to any fleet resource by name, or straight into a chat with an agent runtime. */
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Modal from '@cloudscape-design/components/modal';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FleetResource } from '../../../shared/fleet';
import { kindLabel } from '../features/fleet/resource-format';
import { navigate } from '../routing/use-hash-route';
import { pageIds, type PageId } from '../routing/hash-route';
import { pages } from './pages';

export interface CommandPaletteProps {
  visible: boolean;
  onClose: () => void;
  resources: readonly FleetResource[];
}

const PAGE_PREFIX = 'page:';
const RESOURCE_PREFIX = 'resource:';
const CHAT_PREFIX = 'chat:';

function buildOptions(resources: readonly FleetResource[]): AutosuggestProps.Options {
  return [
    {
      label: 'Pages',
      options: pages.map((page) => ({ value: `${PAGE_PREFIX}${page.id}`, label: page.title, description: page.summary, iconName: page.icon })),
    },
    {
      label: `Fleet (${resources.length})`,
      options: resources.map((r) => ({
        value: `${RESOURCE_PREFIX}${r.key}`,
        label: r.name,
        labelTag: r.status,
        description: `${kindLabel[r.kind]} · ${r.region} · ${r.accountId} · ${r.profile}`,
      })),
    },
    {
      label: 'Chat',
      options: resources
        .filter((r) => r.kind === 'runtime')
        .map((r) => ({
          value: `${CHAT_PREFIX}${r.key}`,
          label: `Chat with ${r.name}`,
          description: `${r.region} · ${r.profile}`,
          iconName: 'contact' as const,
        })),
    },
  ];
}

function go(value: string): void {
  if (value.startsWith(PAGE_PREFIX)) {
    const page = value.slice(PAGE_PREFIX.length);
    if ((pageIds as readonly string[]).includes(page)) navigate({ page: page as PageId, query: {} });
  } else if (value.startsWith(RESOURCE_PREFIX)) {
    // Filters are cleared so the chosen resource is on screen.
    navigate({ page: 'fleet', query: { sel: value.slice(RESOURCE_PREFIX.length), panel: 'open' } });
  } else if (value.startsWith(CHAT_PREFIX)) {
    navigate({ page: 'chat', query: { agent: value.slice(CHAT_PREFIX.length) } });
  }
}

export function CommandPalette({ visible, onClose, resources }: CommandPaletteProps) {
  const [value, setValue] = useState('');
  const input = useRef<AutosuggestProps.Ref>(null);
  const options = useMemo(() => buildOptions(resources), [resources]);

  useEffect(() => {
    if (!visible) return;
    setValue('');
    // The modal mounts its content first; focus the field once it is on screen.
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [visible]);

  return (
    <Modal
      visible={visible}
      onDismiss={onClose}
      header="Go to"
      size="large"
      position="top"
      footer={
        <Box variant="small" color="text-body-secondary">
          Type to search pages and fleet resources · ↑ ↓ to move · Enter to open · Esc to close
        </Box>
      }
    >
      <div data-testid="command-palette">
        <Autosuggest
          ref={input}
          value={value}
          options={options}
          onChange={(event) => setValue(event.detail.value)}
          onSelect={(event) => {
            if (!event.detail.selectedOption) return;
            go(event.detail.value);
            onClose();
          }}
          placeholder="Page or resource name, ARN, region, account…"
          ariaLabel="Search pages and fleet resources"
          enteredTextLabel={(text) => `Search for “${text}”`}
          hideEnteredTextOption
          empty="No page or resource matches"
          virtualScroll
        />
      </div>
    </Modal>
  );
}
