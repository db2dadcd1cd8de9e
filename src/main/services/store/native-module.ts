/**
 * better-sqlite3 is compiled for one Node ABI. Inside Electron it needs
 * Electron's ABI, in plain Node (web host, tests) Node's. A mismatch must read
 * as one actionable line, not a stack trace.
 */
export class NativeModuleMismatch extends Error {}

export function describeNativeModuleError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Could not locate the bindings file/i.test(message)) {
    const runtime = process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`;
    return new NativeModuleMismatch(
      `better-sqlite3 was built for a different runtime than ${runtime}. Fix: run \`npm rebuild better-sqlite3\` (plain Node) or \`npx electron-rebuild -f -w better-sqlite3\` (desktop app).`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
