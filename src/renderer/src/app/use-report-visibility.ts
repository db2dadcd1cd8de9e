/**
 * Tells main when this page is hidden (minimised window, background tab), so
 * it stops polling AWS when nobody at all is looking. Visibility is per
 * connection: it is reported again whenever the connection to the host is
 * (re)established, because a new connection starts unknown to main.
 */
import { useEffect } from 'react';
import { api } from '../api';

export function useReportVisibility(): void {
  useEffect(() => {
    const report = (): void => {
      // Best effort: if main cannot be reached, polling simply stays as it was.
      api.call('app.visibility', { visible: document.visibilityState !== 'hidden' }).catch(() => undefined);
    };
    report();
    document.addEventListener('visibilitychange', report);
    const stop = api.onConnection((state) => {
      if (state === 'connected') report();
    });
    return () => {
      document.removeEventListener('visibilitychange', report);
      stop();
    };
  }, []);
}
