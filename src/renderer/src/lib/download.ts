/**
 * Saving an export as a file. A Blob object URL on an <a download> is a
 * download, not a fetch or a navigation, so the CSP (`default-src 'self'`,
 * no `blob:` anywhere) does not block it, and nothing is put into the DOM as
 * HTML. The URL is revoked once the click has been handled.
 */
export function downloadText(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = safeFilename(filename);
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Keeps a filename to one path segment of ordinary characters. */
export function safeFilename(name: string): string {
  const printable = [...name].map((char) => (char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
  const cleaned = printable
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'export').slice(0, 120);
}
