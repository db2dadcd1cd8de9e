/** The console shell: top bar, side navigation, breadcrumbs, notifications, the page, and its split panel. */
import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useCallback, useMemo, useState } from 'react';
import { ExternalLinkProvider } from '../components/external-link';
import { FleetDetailPanel } from '../features/fleet/fleet-detail-panel';
import { parseFleetQuery, rememberedView, shellRouteKey } from '../features/fleet/fleet-query';
import { parseHash } from '../routing/hash-route';
import { hrefFor, replaceQuery, useRouteKey } from '../routing/use-hash-route';
import { useFleetSnapshot } from '../features/fleet/fleet-data';
import { useAppInfo, useConnection, useSettings } from '../state/hooks';
import { useBootState } from '../state/use-boot-state';
import { CommandPalette } from './command-palette';
import { NotificationBar } from './notification-bar';
import { PageOutlet } from './page-outlet';
import { pageMeta } from './pages';
import { ShortcutsModal } from './shortcuts-modal';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';
import { useAppStateMarker } from './use-app-state-marker';
import { useReportVisibility } from './use-report-visibility';
import { usePaletteShortcut } from './use-global-shortcuts';
import { useTheme } from './use-theme';

export function App() {
  const appInfo = useAppInfo();
  const settings = useSettings();
  const fleet = useFleetSnapshot();
  const connection = useConnection();
  // Only the parts of the route the shell shows: a filter keystroke must not re-render the shell.
  const shellKey = useRouteKey(shellRouteKey);
  const route = useMemo(() => parseHash(shellKey), [shellKey]);
  const [navigationOpen, setNavigationOpen] = useState(true);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [splitPanelPreferences, setSplitPanelPreferences] = useState<AppLayoutProps.SplitPanelPreferences>({ position: 'bottom' });
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);

  useTheme(settings.data);
  usePaletteShortcut(openPalette);
  useReportVisibility();
  useAppStateMarker(useBootState());

  const meta = pageMeta(route.page);
  const fleetView = route.page === 'fleet' ? parseFleetQuery(route.query) : null;
  const selected = fleetView?.selected ? fleet.data?.resources.find((r) => r.key === fleetView.selected) : undefined;
  const detailKey = fleetView?.detail ?? null;
  const breadcrumbs: BreadcrumbGroupProps.Item[] = [
    { text: 'AgentCore Ops', href: hrefFor('fleet') },
    { text: meta.title, href: detailKey ? hrefFor('fleet', rememberedView(route.query)) : hrefFor(route.page) },
    ...(detailKey
      ? [{ text: fleet.data?.resources.find((r) => r.key === detailKey)?.name ?? detailKey.split('|')[3] ?? 'Resource', href: hrefFor('fleet', route.query) }]
      : []),
    ...(!detailKey && selected && fleetView?.panelOpen ? [{ text: selected.name, href: hrefFor('fleet', route.query) }] : []),
  ];

  return (
    <ExternalLinkProvider>
      <TopBar source={appInfo.data?.dataSource} onOpenPalette={openPalette} onShowShortcuts={showShortcuts} />
      <AppLayout
        headerSelector="#top-nav"
        navigation={<SideNav active={route.page} />}
        navigationOpen={navigationOpen}
        onNavigationChange={(event) => setNavigationOpen(event.detail.open)}
        breadcrumbs={<BreadcrumbGroup items={breadcrumbs} ariaLabel="Breadcrumbs" />}
        notifications={
          <NotificationBar
            connection={connection}
            notices={appInfo.data?.notices ?? []}
            loadErrors={[
              { what: 'console information', error: appInfo.data ? null : appInfo.error },
              { what: 'settings', error: settings.data ? null : settings.error },
            ]}
          />
        }
        toolsHide
        contentType={route.page === 'fleet' && !detailKey ? 'table' : 'default'}
        content={<PageOutlet page={route.page} />}
        splitPanel={fleetView?.selected && !detailKey ? <FleetDetailPanel resource={selected} /> : undefined}
        splitPanelOpen={fleetView?.panelOpen ?? false}
        onSplitPanelToggle={(event) => replaceQuery({ panel: event.detail.open ? 'open' : undefined })}
        splitPanelPreferences={splitPanelPreferences}
        onSplitPanelPreferencesChange={(event) => setSplitPanelPreferences(event.detail)}
        ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation' }}
      />
      <CommandPalette visible={paletteOpen} onClose={() => setPaletteOpen(false)} resources={fleet.data?.resources ?? []} />
      <ShortcutsModal visible={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </ExternalLinkProvider>
  );
}
