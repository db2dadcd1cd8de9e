/**
 * Which addresses may leave the console for the person's browser: absolute
 * https URLs without credentials. Loopback http only where the caller says so
 * (the local emulator's sign-in pages); never for links in agent output, which
 * could otherwise aim a click at a service on the person's own machine.
 */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function safeExternalUrl(candidate: string, options: { allowLoopbackHttp?: boolean } = {}): URL | null {
  try {
    const url = new URL(candidate);
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
    if (url.protocol === 'https:') return url;
    return options.allowLoopbackHttp === true && url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname) ? url : null;
  } catch {
    return null;
  }
}
