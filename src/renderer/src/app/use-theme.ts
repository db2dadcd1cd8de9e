/** Applies the visual mode (following the OS unless settings force one) and the density. */
import { applyDensity, applyMode, Density, Mode } from '@cloudscape-design/global-styles';
import { useEffect, useSyncExternalStore } from 'react';
import type { Settings } from '../../../shared/settings';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const subscribeToOs = (listener: () => void): (() => void) => {
  darkQuery.addEventListener('change', listener);
  return () => darkQuery.removeEventListener('change', listener);
};

export function resolveMode(theme: Settings['theme'], osPrefersDark: boolean): Mode {
  if (theme === 'system') return osPrefersDark ? Mode.Dark : Mode.Light;
  return theme === 'dark' ? Mode.Dark : Mode.Light;
}

export function useTheme(settings: Settings | undefined): void {
  const osPrefersDark = useSyncExternalStore(subscribeToOs, () => darkQuery.matches);
  const mode = resolveMode(settings?.theme ?? 'system', osPrefersDark);
  const density = settings?.density === 'compact' ? Density.Compact : Density.Comfortable;
  useEffect(() => {
    applyMode(mode);
    document.documentElement.style.colorScheme = mode;
  }, [mode]);
  useEffect(() => applyDensity(density), [density]);
}
