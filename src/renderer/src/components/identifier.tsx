/**
 * The one way feature code shows identifiers of people and AWS accounts:
 * account ids, ARNs, access-key ids, runtime session ids, user ids, emails
 * and IP addresses. It is the single place where presentation mode (screen
 * sharing, demos) masks them with consistent pseudonyms, so nothing may print
 * such a value around it (test/guards/identifier-guard.test.ts checks).
 */
import './identifier.css';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import type { ReactNode } from 'react';
import type { IdentifierKind } from '../../../shared/redaction';
import { useMaskIdentifier } from '../state/presentation';

export type { IdentifierKind } from '../../../shared/redaction';

export type IdentifierFormatter = (kind: IdentifierKind, value: string) => string;

/** How each kind is named in copy-button labels, and whether a fixed-width font helps to compare it character by character. */
const kinds: Record<IdentifierKind, { name: string; mono: boolean }> = {
  account: { name: 'account id', mono: false },
  arn: { name: 'ARN', mono: false },
  accessKey: { name: 'access key id', mono: true },
  runtimeSession: { name: 'runtime session id', mono: true },
  user: { name: 'user id', mono: true },
  email: { name: 'email address', mono: false },
  ip: { name: 'IP address', mono: true },
};

/** For places that need a string (palette descriptions, titles, aria labels): masked in presentation mode. */
export function useIdentifierFormatter(): IdentifierFormatter {
  return useMaskIdentifier();
}

export interface IdentifierProps {
  kind: IdentifierKind;
  value: string;
  /** Adds a copy button (it copies the real value: the clipboard is not on screen). */
  copy?: boolean;
  /** What the copy button calls it; defaults to the kind's name, e.g. "Role ARN". */
  name?: string;
  /** Custom display of the formatted value (e.g. an emphasised tail). */
  render?: (shown: string) => ReactNode;
}

export function Identifier({ kind, value, copy = false, name, render }: IdentifierProps) {
  const shown = useIdentifierFormatter()(kind, value);
  const content = (
    <span className={kinds[kind].mono ? 'identifier identifier--mono' : 'identifier'} data-identifier={kind}>
      {render ? render(shown) : shown}
    </span>
  );
  if (!copy) return content;
  const what = name ?? kinds[kind].name;
  const capitalised = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <CopyToClipboard
      variant="inline"
      textToCopy={value}
      textToDisplay={content}
      copyButtonAriaLabel={`Copy ${what}`}
      copySuccessText={`${capitalised} copied`}
      copyErrorText={`${capitalised} could not be copied`}
    />
  );
}
