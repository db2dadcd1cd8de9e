/**
 * Status and link for the fleet grid's rows, as plain elements drawn like
 * Cloudscape's StatusIndicator and Link. A filter keystroke mounts every row
 * that comes on screen, and each Cloudscape component brings its own effects
 * (theme and motion checks, metrics, URL checks); these keep a row to a few
 * DOM nodes. Colours follow light and dark mode (body.awsui-dark-mode).
 */
import type { MouseEvent, ReactNode } from 'react';
import type { Health } from '../../../../shared/fleet';

const icons: Record<Health, ReactNode> = {
  ok: <path d="M5 8.2 7.1 10.3 11.1 5.9" />,
  failed: <path d="M5.6 5.6 10.4 10.4M10.4 5.6 5.6 10.4" />,
  pending: (
    <>
      <circle cx="5.2" cy="8" r="0.6" className="grid-status__dot" />
      <circle cx="8" cy="8" r="0.6" className="grid-status__dot" />
      <circle cx="10.8" cy="8" r="0.6" className="grid-status__dot" />
    </>
  ),
  unknown: <path d="M5 8h6" />,
};

/** Pending-auth statuses wait on a person: a clock, not the in-progress dots. */
const clock = <path d="M8 4.8V8l2.2 1.6" />;

export function GridStatus({ health, status }: { health: Health; status: string }) {
  const waiting = status.endsWith('_PENDING_AUTH');
  return (
    <span className={`grid-status grid-status--${health}`}>
      <svg className="grid-status__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        {waiting ? clock : icons[health]}
      </svg>
      <span className="grid-status__text">{status}</span>
    </span>
  );
}

/** A real link (middle-click and copy address work); a plain left click navigates in place. */
export function GridLink({ href, onFollow, children }: { href: string; onFollow: () => void; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onFollow();
  };
  return (
    <a className="grid-link" href={href} onClick={onClick}>
      {children}
    </a>
  );
}
