/**
 * The owner's share controls in the top bar: "Share" while nothing is shared;
 * then a persistent "Sharing — N viewers" indicator (opening the link and
 * details) and Stop, live through share.changed.
 */
import type { TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { useMemo } from 'react';
import { useShareStatus, useStopShare } from './use-share';

const viewersText = (count: number): string => `${count} viewer${count === 1 ? '' : 's'}`;

export function useShareUtilities(onOpen: () => void, enabled: boolean): TopNavigationProps.Utility[] {
  const status = useShareStatus(enabled).data;
  const { mutate: stop } = useStopShare();
  const active = status?.active ?? false;
  const viewers = status?.viewers ?? 0;
  return useMemo<TopNavigationProps.Utility[]>(() => {
    if (!enabled) return [];
    if (!active)
      return [{ type: 'button', iconName: 'share', text: 'Share', title: 'Share a read-only view', ariaLabel: 'Share a read-only view', onClick: onOpen }];
    return [
      {
        type: 'button',
        variant: 'primary-button',
        iconName: 'share',
        text: `Sharing — ${viewersText(viewers)}`,
        ariaLabel: `Sharing a read-only view with ${viewersText(viewers)}: show the link`,
        title: 'Read-only share',
        onClick: onOpen,
      },
      { type: 'button', iconName: 'close', text: 'Stop', ariaLabel: 'Stop sharing', title: 'Stop sharing', onClick: () => stop({}) },
    ];
  }, [enabled, active, viewers, onOpen, stop]);
}
