/**
 * The console's top navigation: product identity, data-source badge, search trigger, the share controls and help.
 * A share's viewer gets the identity, the data-source and "Read-only share" badges and help only.
 */
import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { DataSource } from '../../../shared/contract';
import logo from '../assets/logo.svg';
import { useOpenExternal } from '../components/external-link';
import { TOP_OFFSET_VAR } from '../lib/top-offset';
import { hrefFor } from '../routing/use-hash-route';
import { useApiMutation } from '../state/api-query';
import { apiQueryKey } from '../state/api-key';
import { notifyError } from '../state/notifications';
import { useShareUtilities } from '../features/share/share-utilities';
import { ViewerBadge } from '../features/share/viewer-badge';
import { DataSourceBadge } from './data-source-badge';

const DOCS_URL = 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/what-is-bedrock-agentcore.html';
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const paletteShortcut = isMac ? '⌘K' : 'Ctrl+K';

export interface TopBarProps {
  source: DataSource | undefined;
  /** Presentation mode is on: the toggle reads "Presentation on" and is highlighted, a badge for anyone looking at the screen. */
  presentation: boolean;
  /** A read-only share's viewer: nothing here may change anything. */
  viewer: boolean;
  onOpenPalette: () => void;
  onShowShortcuts: () => void;
  onOpenShare: () => void;
}

/**
 * Memoized, with stable `utilities`: TopNavigation re-measures the whole page
 * (a forced synchronous layout) whenever its `utilities` change identity, and
 * the shell re-renders on every route change — e.g. each fleet filter keystroke.
 */
export const TopBar = memo(function TopBar({ source, presentation, viewer, onOpenPalette, onShowShortcuts, onOpenShare }: TopBarProps) {
  const openExternal = useOpenExternal();
  const queryClient = useQueryClient();
  // `mutate` is stable across renders; the mutation object is not (and utilities must keep their identity).
  const { mutate: saveSettings } = useApiMutation('settings.set', {
    onSuccess: (next) => queryClient.setQueryData(apiQueryKey('settings.get', {}), next),
    onError: (error) => notifyError('Switch presentation mode', error),
  });
  const togglePresentation = useCallback(() => saveSettings({ presentationMode: !presentation }), [saveSettings, presentation]);
  const shareUtilities = useShareUtilities(onOpenShare, !viewer);
  const utilities = useMemo<TopNavigationProps.Utility[]>(() => {
    const help: TopNavigationProps.Utility = {
      type: 'menu-dropdown',
      iconName: 'support',
      ariaLabel: 'Help',
      title: 'Help',
      items: [
        { id: 'shortcuts', text: 'Keyboard shortcuts' },
        { id: 'docs', text: 'AgentCore developer guide', external: true, externalIconAriaLabel: '(opens after confirmation)' },
      ],
      onItemClick: (event) => {
        if (event.detail.id === 'docs') openExternal(DOCS_URL);
        else onShowShortcuts();
      },
    };
    if (viewer) return [help];
    return [
      ...shareUtilities,
      {
        type: 'button',
        variant: presentation ? 'primary-button' : 'link',
        iconName: 'view-full',
        text: presentation ? 'Presentation on' : 'Presentation',
        ariaLabel: presentation
          ? 'Presentation mode is on: identifiers are masked. Turn it off'
          : 'Presentation mode: mask account ids, ARNs, session ids and emails for screen sharing',
        title: 'Presentation mode',
        onClick: togglePresentation,
      },
      help,
      { type: 'button', iconName: 'settings', ariaLabel: 'Settings', title: 'Settings', href: hrefFor('settings') },
    ];
  }, [openExternal, onShowShortcuts, presentation, togglePresentation, viewer, shareUtilities]);
  const identity = useMemo(() => ({ href: hrefFor('fleet'), title: 'AgentCore Ops Console', logo: { src: logo, alt: '' } }), []);
  const barRef = useRef<HTMLDivElement>(null);
  // The bar stays on top while the page scrolls; sticky headers below it (the fleet table's) stick under it.
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const publish = (): void => document.documentElement.style.setProperty(TOP_OFFSET_VAR, `${bar.getBoundingClientRect().height}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return (
    <div id="top-nav" className="top-nav" ref={barRef}>
      <TopNavigation
        identity={identity}
        search={
          <div className="top-nav__search">
            {viewer ? (
              <ViewerBadge />
            ) : (
              <button type="button" className="palette-trigger" onClick={onOpenPalette} aria-keyshortcuts={paletteShortcut === '⌘K' ? 'Meta+K' : 'Control+K'}>
                <span className="palette-trigger__label">Search pages and agents</span>
                <kbd className="palette-trigger__key">{paletteShortcut}</kbd>
              </button>
            )}
            <DataSourceBadge source={source} />
          </div>
        }
        utilities={utilities}
      />
    </div>
  );
});
