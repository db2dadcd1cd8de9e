/** "just now", "3 min ago", "2 h ago", "5 d ago"; future times (clock skew) read as "just now". */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.floor((now - epochMs) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} d ago`;
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Local wall-clock time as HH:MM:SS, for "as of" labels. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

// One formatter for all calls: `toLocaleString` with options builds a new Intl.DateTimeFormat each time
// (about a millisecond), which a 100-row table pays on every render.
let timestampFormat: Intl.DateTimeFormat | null = null;

/** Full local timestamp for tooltips and detail panels. */
export function formatTimestamp(epochMs: number): string {
  timestampFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return timestampFormat.format(new Date(epochMs));
}
