/**
 * The single way out of the console to another site: the user confirms the
 * exact address in a modal, then it opens in a new window without an opener.
 * Nothing in the renderer navigates the console's own window away.
 */
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { safeExternalUrl } from '../../../shared/external-url';
import { ConfirmFooter } from './confirm-footer';
import { notify } from '../state/notifications';

type OpenExternal = (url: string, options?: { allowLoopbackHttp?: boolean }) => void;

const OpenExternalContext = createContext<OpenExternal>(() => undefined);

export const useOpenExternal = (): OpenExternal => useContext(OpenExternalContext);

export function ExternalLinkProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<URL | null>(null);
  const request = useCallback<OpenExternal>((candidate, options) => {
    const url = safeExternalUrl(candidate, options);
    if (url) setPending(url);
    else notify({ type: 'warning', header: 'Link blocked', content: 'Only https links can be opened from the console.' }, 'link-blocked');
  }, []);
  const confirm = (): void => {
    if (pending) window.open(pending.href, '_blank', 'noopener');
    setPending(null);
  };
  return (
    <OpenExternalContext.Provider value={request}>
      {children}
      {/* Mounted only while asking: a modal mounted later stacks above earlier ones, and this question is asked
          from inside other dialogs (the sign-in dialog's "Open sign-in page"). */}
      {pending && (
        <Modal
          visible
          onDismiss={() => setPending(null)}
          header="Leave the console?"
          footer={<ConfirmFooter confirmLabel="Open in browser" onCancel={() => setPending(null)} onConfirm={confirm} />}
        >
          <SpaceBetween size="s">
            <Box>This opens an external site in a new window:</Box>
            <Box variant="code">{pending.href}</Box>
          </SpaceBetween>
        </Modal>
      )}
    </OpenExternalContext.Provider>
  );
}

/** A link that goes through the confirmation above instead of navigating. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const open = useOpenExternal();
  return (
    <Link
      external
      onFollow={(event) => {
        event.preventDefault();
        open(href);
      }}
    >
      {children}
    </Link>
  );
}
