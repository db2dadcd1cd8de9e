/**
 * better-sqlite3 is compiled for one Node ABI. Inside Electron it needs
 * Electron's ABI, in plain Node (web host, tests) Node's. A mismatch must read
 * as one actionable line, not a stack trace.
 */
export class NativeModuleMismatch extends Error {}

export function describeNativeModuleError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Could not locate the bindings file|Cannot find module .*\.node/i.test(
      message,
    )
  ) {
    const runtime = process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`;
    return new NativeModuleMismatch(
      `better-sqlite3 is not built for ${runtime}. Fix: \`npm rebuild better-sqlite3\` for the web host and tests; for the desktop app run \`npm start\`, which builds a separate Electron copy in node_modules/.cache/agentcore-ops (delete that folder to rebuild it).`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
