/** The console's top navigation: product identity, data-source badge, search trigger and help. */
import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { DataSource } from '../../../shared/contract';
import logo from '../assets/logo.svg';
import { useOpenExternal } from '../components/external-link';
import { TOP_OFFSET_VAR } from '../lib/top-offset';
import { hrefFor } from '../routing/use-hash-route';
import { DataSourceBadge } from './data-source-badge';

const DOCS_URL = 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/what-is-bedrock-agentcore.html';
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const paletteShortcut = isMac ? '⌘K' : 'Ctrl+K';

export interface TopBarProps {
  source: DataSource | undefined;
  onOpenPalette: () => void;
  onShowShortcuts: () => void;
}

/**
 * Memoized, with stable `utilities`: TopNavigation re-measures the whole page
 * (a forced synchronous layout) whenever its `utilities` change identity, and
 * the shell re-renders on every route change — e.g. each fleet filter keystroke.
 */
export const TopBar = memo(function TopBar({ source, onOpenPalette, onShowShortcuts }: TopBarProps) {
  const openExternal = useOpenExternal();
  const utilities = useMemo<TopNavigationProps.Utility[]>(
    () => [
      {
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
      },
      { type: 'button', iconName: 'settings', ariaLabel: 'Settings', title: 'Settings', href: hrefFor('settings') },
    ],
    [openExternal, onShowShortcuts],
  );
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
            <button type="button" className="palette-trigger" onClick={onOpenPalette} aria-keyshortcuts={paletteShortcut === '⌘K' ? 'Meta+K' : 'Control+K'}>
              <span className="palette-trigger__label">Search pages and agents</span>
              <kbd className="palette-trigger__key">{paletteShortcut}</kbd>
            </button>
            <DataSourceBadge source={source} />
          </div>
        }
        utilities={utilities}
      />
    </div>
  );
});
