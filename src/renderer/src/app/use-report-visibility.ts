/** Tells main when the console is hidden (minimised window, background tab), so it stops polling AWS for nobody. */
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
    return () => document.removeEventListener('visibilitychange', report);
  }, []);
}
