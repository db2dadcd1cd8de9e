/**
 * The console shell: top bar, side navigation, breadcrumbs, notifications, the page, and its split panel. All page specifics
 * come from the page registry. A read-only share's viewer gets the same shell narrowed to the shared pages: no settings,
 * palette or presentation toggle, presentation forced on (main has masked everything already), a "Read-only share" badge.
 */
import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import { useCallback, useMemo, useState } from 'react';
import { ExternalLinkProvider } from '../components/external-link';
import { formatHash } from '../routing/hash-route';
import { hrefFor, parseRoute, useRouteKey, type AppRoute } from '../routing/use-hash-route';
import { NotShared } from '../features/share/not-shared';
import { ShareEnded, useShareEnded } from '../features/share/share-ended';
import { ShareModal } from '../features/share/share-modal';
import { useShareStatus, useShareSync } from '../features/share/use-share';
import { useAppInfo, useConnection, useSettings } from '../state/hooks';
import { PresentationProvider } from '../state/presentation';
import { useBootState } from '../state/use-boot-state';
import { useShareSession, ViewerProvider } from '../state/viewer';
import type { PageDefinition } from './page-definition';
import type { PageId } from './page-registry';
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
const noop = (): void => undefined;

/** A page outside the share, as a viewer gets it: its title, and why there is nothing else. */
const notSharedPages = new Map<PageId, PageDefinition<PageId>>();
function notShared(page: PageDefinition<PageId>): PageDefinition<PageId> {
  let shown = notSharedPages.get(page.id);
  if (!shown) {
    shown = {
      id: page.id,
      title: page.title,
      description: page.description,
      navGroup: page.navGroup,
      icon: page.icon,
      component: () => <NotShared title={page.title} />,
    };
    notSharedPages.set(page.id, shown);
  }
  return shown;
}

export function App() {
  const session = useShareSession();
  useShareSync();
  if (session.error?.code === 'unauthorized') return <ShareEnded reason={session.error.message} />;
  // Until main says who this is, nothing that a viewer would be refused is asked for.
  if (!session.data && !session.error) return null;
  const viewer = session.data?.role === 'viewer';
  return (
    <ViewerProvider viewer={viewer}>
      <Shell viewer={viewer} />
    </ViewerProvider>
  );
}

function Shell({ viewer }: { viewer: boolean }) {
  const appInfo = useAppInfo();
  const settings = useSettings();
  const ended = useShareEnded(viewer);
  const shareStatus = useShareStatus(!viewer).data;
  const [shareOpen, setShareOpen] = useState(false);
  const openShare = useCallback(() => setShareOpen(true), []);
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
  usePaletteShortcut(viewer ? noop : openPalette);
  useReportVisibility();
  useAppStateMarker(useBootState());

  const routed = pageById(route.page);
  const page = viewer && !routed.shared ? notShared(routed) : routed;
  const split = page.splitPanel;
  const SplitContent = split?.Panel;
  const presentation = viewer || (settings.data?.presentationMode ?? false);

  if (viewer && ended) return <ShareEnded reason={ended} />;
  return (
    <PresentationProvider enabled={presentation} maskedByHost={viewer}>
      <ExternalLinkProvider>
        <TopBar
          source={appInfo.data?.dataSource}
          presentation={presentation}
          viewer={viewer}
          onOpenPalette={openPalette}
          onShowShortcuts={showShortcuts}
          onOpenShare={openShare}
        />
        <AppLayout
          headerSelector="#top-nav"
          navigation={<SideNav active={page.id} viewer={viewer} />}
          navigationOpen={navigationOpen}
          onNavigationChange={(event) => setNavigationOpen(event.detail.open)}
          breadcrumbs={<PageBreadcrumbs key={page.id} page={page} query={route.query} home={home} />}
          notifications={
            <NotificationBar
              connection={connection}
              notices={appInfo.data?.notices ?? []}
              loadErrors={[
                { what: 'console information', error: appInfo.data ? null : appInfo.error },
                { what: 'settings', error: settings.data || viewer ? null : settings.error },
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
        {!viewer && <CommandPalette visible={paletteOpen} onClose={() => setPaletteOpen(false)} />}
        <ShortcutsModal visible={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        {!viewer && <ShareModal visible={shareOpen} status={shareStatus} onClose={() => setShareOpen(false)} />}
      </ExternalLinkProvider>
    </PresentationProvider>
  );
}
