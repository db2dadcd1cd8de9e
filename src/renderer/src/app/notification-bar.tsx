/** The Flashbar: lost connection, start-up notices from main, failed loads, and messages raised by actions. */
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import type { ConnectionState } from '../api';
import type { ApiError } from '../api';
import { dismissNotification, useNotifications } from '../state/notifications';
import { useRedact } from '../state/presentation';

export interface NotificationBarProps {
  connection: ConnectionState;
  notices: AppInfo['notices'];
  loadErrors: ReadonlyArray<{ what: string; error: ApiError | null }>;
}

export function NotificationBar({ connection, notices, loadErrors }: NotificationBarProps) {
  const raised = useNotifications();
  const [dismissedNotices, setDismissedNotices] = useState<ReadonlySet<string>>(new Set());
  const redact = useRedact();
  const items: FlashbarProps.MessageDefinition[] = [];

  if (connection === 'lost') {
    items.push({
      id: 'connection-lost',
      type: 'warning',
      loading: true,
      header: 'Connection to the console host lost',
      content: 'Reconnecting… The data on screen is from before the connection dropped. If the host was stopped, start it again.',
    });
  }
  for (const { what, error } of loadErrors) {
    if (error) items.push({ id: `load:${what}`, type: 'error', header: `Couldn’t load ${what}`, content: redact(`${error.message} (${error.code})`) });
  }
  for (const notice of notices) {
    if (dismissedNotices.has(notice.message)) continue;
    items.push({
      id: `notice:${notice.message}`,
      type: notice.level,
      content: redact(notice.message),
      dismissible: true,
      dismissLabel: 'Dismiss',
      onDismiss: () => setDismissedNotices((current) => new Set(current).add(notice.message)),
    });
  }
  for (const item of raised) {
    items.push({
      id: item.id,
      type: item.type,
      header: redact(item.header),
      content: item.content === undefined ? undefined : redact(item.content),
      dismissible: true,
      dismissLabel: 'Dismiss',
      onDismiss: () => dismissNotification(item.id),
    });
  }
  return <Flashbar items={items} stackItems={items.length > 3} />;
}
