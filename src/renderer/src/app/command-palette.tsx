/** Ctrl/Cmd-K: jump to any page, or to whatever entries the pages offer (fleet resources, a chat with an agent runtime). */
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Modal from '@cloudscape-design/components/modal';
import { useEffect, useMemo, useRef, useState } from 'react';
import { navigate, type AppRoute } from '../routing/use-hash-route';
import type { PaletteGroup } from './page-definition';
import { pageRegistry } from './page-registry';

export interface CommandPaletteProps {
  visible: boolean;
  onClose: () => void;
}

const pagesGroup: PaletteGroup = {
  label: 'Pages',
  entries: pageRegistry.map((page) => ({
    value: `page:${page.id}`,
    label: page.title,
    description: page.description,
    iconName: page.icon,
    route: { page: page.id, query: {} },
  })),
};

// The registry never changes, so every open calls the same hooks in the same order.
const providers = pageRegistry.flatMap((page) => (page.usePaletteEntries ? [page.usePaletteEntries] : []));

function usePaletteGroups(): readonly PaletteGroup[] {
  const groups = providers.map((useEntries) => useEntries());
  // Each provider memoizes its own groups: recombine only when one of them changes.
  return useMemo(() => [pagesGroup, ...groups.flat()], groups);
}

/** Mounted only while the palette is open: closed, it costs nothing on a fleet update. */
function PaletteSearch({ onClose }: { onClose: () => void }) {
  const [value, setValue] = useState('');
  const input = useRef<AutosuggestProps.Ref>(null);
  const groups = usePaletteGroups();
  const { options, routes } = useMemo(() => {
    const byValue = new Map<string, AppRoute>();
    const built: AutosuggestProps.Options = groups.map((group) => ({
      label: group.label,
      options: group.entries.map(({ route, ...option }) => {
        byValue.set(option.value, route as AppRoute);
        return option;
      }),
    }));
    return { options: built, routes: byValue };
  }, [groups]);

  useEffect(() => {
    // The modal mounts its content first; focus the field once it is on screen.
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <Autosuggest
      ref={input}
      value={value}
      options={options}
      onChange={(event) => setValue(event.detail.value)}
      onSelect={(event) => {
        const route = event.detail.selectedOption ? routes.get(event.detail.value) : undefined;
        if (!route) return;
        navigate(route);
        onClose();
      }}
      placeholder="Page or resource name, ARN, region, account…"
      ariaLabel="Search pages and fleet resources"
      enteredTextLabel={(text) => `Search for “${text}”`}
      hideEnteredTextOption
      empty="No page or resource matches"
      virtualScroll
    />
  );
}

export function CommandPalette({ visible, onClose }: CommandPaletteProps) {
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
      <div data-testid="command-palette">{visible && <PaletteSearch onClose={onClose} />}</div>
    </Modal>
  );
}
