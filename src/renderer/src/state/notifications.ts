/** Flash messages raised anywhere in the renderer (failed calls, confirmations) and shown in the shell's Flashbar. */
import { useSyncExternalStore } from 'react';
import { ApiError } from '../../../shared/errors';

export interface Notification {
  id: string;
  type: 'success' | 'info' | 'warning' | 'error';
  header: string;
  content?: string;
}

let items: readonly Notification[] = [];
const listeners = new Set<() => void>();
let counter = 0;

const emit = (next: readonly Notification[]): void => {
  items = next;
  listeners.forEach((listener) => listener());
};

export function notify(notification: Omit<Notification, 'id'>, id = `n${++counter}`): string {
  emit([{ ...notification, id }, ...items.filter((item) => item.id !== id)].slice(0, 5));
  return id;
}

export const dismissNotification = (id: string): void => emit(items.filter((item) => item.id !== id));

/** Reports a failed call with its message and error code; repeated failures of one action replace each other. */
export function notifyError(action: string, error: unknown, id = `error:${action}`): void {
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  notify({ type: 'error', header: `${action} failed`, content: apiError ? `${message} (${apiError.code})` : message }, id);
}

export const useNotifications = (): readonly Notification[] =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => items,
  );
