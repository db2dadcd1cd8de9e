/**
 * Entry of the web host (plain Node, no Electron): `node out/main/web.js
 * [--demo] [--port N] [--data-dir DIR] [--agent name=url …]`. Serves the built renderer and the
 * contract on 127.0.0.1 and prints the URL to open, with its access token.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHostArgs } from './app/cli-args';
import { startConsoleServices } from './app/console-services';
import { defaultDataDir } from './app/data-dir';
import { startWebHost } from './host/web';
import { createLogger } from './services/log/logger';

// The SDK warns on every start that its 2027 releases will need Node 22; this console pins its SDK and
// documents its Node range (README), so the warning is noise for an SRE reading the start-up lines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

async function main(): Promise<void> {
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`agentcore-ops: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const dataDir = args.dataDir ?? defaultDataDir();
  const logger = createLogger({ file: join(dataDir, 'logs', 'console.log'), console: process.env.AGENTCORE_OPS_LOG === 'stderr' });
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Tests and CI make the demo fleet answer instantly; users get realistic pacing and cold starts.
  // AGENTCORE_OPS_EMULATOR_SCALE=200 adds 200 runtimes per region (with memories and gateways): the fleet UI bench.
  const fast = process.env.AGENTCORE_OPS_EMULATOR_FAST === '1';
  const scale = Number(process.env.AGENTCORE_OPS_EMULATOR_SCALE) || 0;
  const emulator = fast || scale > 0 ? { fast, ...(scale > 0 ? { scale } : {}) } : undefined;
  const services = await startConsoleServices({
    dataDir,
    host: 'web',
    version,
    demo: args.demo,
    logger,
    emulator,
    ...(args.agents ? { agents: args.agents } : {}),
  });
  let host;
  try {
    host = await startWebHost({
      dispatch: services.dispatch,
      hub: services.hub,
      events: services.events,
      staticDir: join(root, 'out', 'renderer'),
      logger,
      port: args.port,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `agentcore-ops: cannot listen on port ${args.port}: ${code === 'EADDRINUSE' ? 'it is already in use (pick another with --port, or 0 for any free port)' : (error as Error).message}\n`,
    );
    await services.close();
    process.exit(2);
  }

  const info = services.info();
  const source = info.dataSource;
  process.stdout.write(
    [
      `AgentCore Ops Console (web host) listening on ${host.url}`,
      `  Open:   ${host.openUrl}`,
      `  Data:   ${dataDir}`,
      `  Source: ${source.kind === 'demo' ? `Demo fleet (embedded emulator at ${source.endpoint})` : source.label}`,
      ...(args.agents ?? []).map((a) => `  Agent:  ${a.name} → ${a.url} (in the demo fleet)`),
      ...info.notices.map((n) => `  ${n.level === 'info' ? 'Note' : 'Warning'}: ${n.message}`),
      '',
    ].join('\n'),
  );

  const shutdown = async (): Promise<void> => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`agentcore-ops: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
