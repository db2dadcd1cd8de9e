/** The console shell: top bar, side navigation, breadcrumbs, notifications, the page, and its split panel. All page specifics come from the page registry. */
import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import { useCallback, useMemo, useState } from 'react';
import { ExternalLinkProvider } from '../components/external-link';
import { formatHash } from '../routing/hash-route';
import { hrefFor, parseRoute, useRouteKey, type AppRoute } from '../routing/use-hash-route';
import { useAppInfo, useConnection, useSettings } from '../state/hooks';
import { PresentationProvider } from '../state/presentation';
import { useBootState } from '../state/use-boot-state';
import { CommandPalette } from './command-palette';
import { NotificationBar } from './notification-bar';
import { PageBreadcrumbs, PageOutlet } from './page-outlet';
import { pageById, pageRegistry } from './page-registry';
import { ShortcutsModal } from './shortcuts-modal';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';
import { useAppStateMarker } from './use-app-state-marker';
import { useReportVisibility } from './use-report-visibility';
import { usePaletteShortcut } from './use-global-shortcuts';
import { useTheme } from './use-theme';

/** Only the parts of the route the page says the shell needs: a filter keystroke must not re-render the shell. */
const shellRouteKey = (route: AppRoute): string => formatHash({ page: route.page, query: pageById(route.page).shellQuery?.(route.query) ?? {} });

const home = hrefFor(pageRegistry[0].id);

export function App() {
  const appInfo = useAppInfo();
  const settings = useSettings();
  const connection = useConnection();
  const shellKey = useRouteKey(shellRouteKey);
  const route = useMemo(() => parseRoute(shellKey), [shellKey]);
  const [navigationOpen, setNavigationOpen] = useState(true);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // Beside the content, not below it: a bottom panel at 1440×900 left the fleet table no rows at all.
  const [splitPanelPreferences, setSplitPanelPreferences] = useState<AppLayoutProps.SplitPanelPreferences>({ position: 'side' });
  const [splitPanelSize, setSplitPanelSize] = useState(360);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);

  useTheme(settings.data);
  usePaletteShortcut(openPalette);
  useReportVisibility();
  useAppStateMarker(useBootState());

  const page = pageById(route.page);
  const split = page.splitPanel;
  const SplitContent = split?.Panel;

  return (
    <PresentationProvider enabled={settings.data?.presentationMode ?? false}>
      <ExternalLinkProvider>
        <TopBar
          source={appInfo.data?.dataSource}
          presentation={settings.data?.presentationMode ?? false}
          onOpenPalette={openPalette}
          onShowShortcuts={showShortcuts}
        />
        <AppLayout
          headerSelector="#top-nav"
          navigation={<SideNav active={page.id} />}
          navigationOpen={navigationOpen}
          onNavigationChange={(event) => setNavigationOpen(event.detail.open)}
          breadcrumbs={<PageBreadcrumbs key={page.id} page={page} query={route.query} home={home} />}
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
          contentType={page.contentType?.(route.query) ?? 'default'}
          content={<PageOutlet page={page} />}
          splitPanel={SplitContent && split.isShown(route.query) ? <SplitContent key={page.id} query={route.query} /> : undefined}
          splitPanelOpen={split?.isOpen(route.query) ?? false}
          onSplitPanelToggle={(event) => split?.onToggle(event.detail.open)}
          splitPanelPreferences={splitPanelPreferences}
          splitPanelSize={splitPanelSize}
          onSplitPanelResize={(event) => setSplitPanelSize(event.detail.size)}
          onSplitPanelPreferencesChange={(event) => setSplitPanelPreferences(event.detail)}
          ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation' }}
        />
        <CommandPalette visible={paletteOpen} onClose={() => setPaletteOpen(false)} />
        <ShortcutsModal visible={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      </ExternalLinkProvider>
    </PresentationProvider>
  );
}
