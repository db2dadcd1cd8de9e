/**
 * Presentation mode as the renderer applies it: one set of pseudonyms for the
 * window's life (the same account is "account-A" on every page and after
 * every refresh), identifiers masked through <Identifier>, free text (agent
 * output, log lines, span attributes) redacted through `useRedact`, and a body
 * class for larger type and stronger contrast. Off, both are the identity.
 * A share's viewer has it forced on, with the masking already done: main
 * redacts every byte a viewer receives with the share's one table, so the
 * renderer masking main's pseudonyms again would rename them.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { maskIdentifier, Pseudonyms, redactText, StreamRedactor, type IdentifierKind } from '../../../shared/redaction';

interface Presentation {
  enabled: boolean;
  /** Identifiers and text arrive masked already (a share's viewer): show them as they are. */
  maskedByHost: boolean;
  names: Pseudonyms;
}

const PresentationContext = createContext<Presentation>({ enabled: false, maskedByHost: false, names: new Pseudonyms() });

export function PresentationProvider({ enabled, maskedByHost = false, children }: { enabled: boolean; maskedByHost?: boolean; children: ReactNode }) {
  // One table per window: pseudonyms stay the same when the mode is switched off and on again.
  const names = useMemo(() => new Pseudonyms(), []);
  const value = useMemo(() => ({ enabled, maskedByHost, names }), [enabled, maskedByHost, names]);
  useEffect(() => {
    document.body.classList.toggle('presentation-mode', enabled);
  }, [enabled]);
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}

export const usePresentationMode = (): boolean => useContext(PresentationContext).enabled;

/** How an identifier field shows: as is, or its pseudonym. */
export function useMaskIdentifier(): (kind: IdentifierKind, value: string) => string {
  const { enabled, maskedByHost, names } = useContext(PresentationContext);
  const masking = enabled && !maskedByHost;
  return useMemo(
    () => (masking ? (kind: IdentifierKind, value: string) => maskIdentifier(kind, value, names) : (_kind: IdentifierKind, value: string) => value),
    [masking, names],
  );
}

/**
 * Free text as it may be shown: unchanged, or with every identifier in it replaced. Text still streaming in
 * (`partial`) also holds back a tail that may yet become an identifier: half an account id is not shown either.
 */
export function useRedact(): (text: string, partial?: boolean) => string {
  const { enabled, maskedByHost, names } = useContext(PresentationContext);
  const masking = enabled && !maskedByHost;
  return useMemo(
    () => (masking ? (text: string, partial = false) => (partial ? new StreamRedactor(names).push(text) : redactText(text, names)) : (text: string) => text),
    [masking, names],
  );
}
