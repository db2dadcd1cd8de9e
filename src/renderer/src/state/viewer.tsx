/**
 * Whether this connection is a read-only share's viewer (main says so in
 * `share.session`). Pages hide what a viewer would be refused anyway — main
 * refuses it regardless — so a viewer never meets a button that cannot work.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useApiQuery } from './api-query';

const ViewerContext = createContext(false);

export function ViewerProvider({ viewer, children }: { viewer: boolean; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export const useIsViewer = (): boolean => useContext(ViewerContext);

/** Who this connection is and the share's public state; kept live by the share.changed event. */
export const useShareSession = () => useApiQuery('share.session', {}, { staleTime: Infinity });
