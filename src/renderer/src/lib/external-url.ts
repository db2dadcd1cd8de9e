/** Only absolute https URLs may leave the console; everything else is refused. */
export function safeExternalUrl(candidate: string): URL | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}
