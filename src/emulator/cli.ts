/**
 * `npm run emulator`: the emulator as a standalone tool for agent developers
 * and demos. Prints the environment to paste, reports bad flags in one line
 * (exit 2) and shuts down cleanly on Ctrl-C.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from './index';

async function main(): Promise<void> {
  let config;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    fail(`${(err as Error).message}\nRun with --help for the list of options.`);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  let emu: RunningEmulator;
  try {
    emu = await startEmulator({
      ...config.options,
      ...(config.verbose ? { logger: { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m) } } : {}),
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') fail(`port ${config.options.port} is already in use — stop the other process or pass --port <n> (0 picks a free port).`);
    if (e.code === 'EADDRNOTAVAIL') fail(`cannot bind ${config.options.host}: address not available on this machine.`);
    fail(e.message);
  }

  const runtimes = emu.world.regions().reduce((n, r) => n + emu.world.runtimeListing(r).length, 0);
  const faults = emu.getFaults();
  const faultSummary = faults.expiredCredentials ? 'expired credentials' : faults.rules.length ? `${faults.rules.length} rule(s)` : 'none';
  console.log(`AgentCore emulator listening on ${emu.url}`);
  console.log(`  seed ${emu.world.seed} · ${emu.regions.join(', ')} · ${runtimes} runtimes · faults: ${faultSummary}`);
  const listing = emu.world.runtimeListing('us-east-1');
  for (let i = 0; i < listing.length; i++) {
    const spec = listing.at(i);
    if (spec.behaviour !== 'bridge') break; // bridged runtimes are listed first
    console.log(`  bridged ${spec.name} → ${spec.bridgeUrl} (${spec.status}${spec.failureReason ? `: ${spec.failureReason}` : ''})`);
  }
  console.log('\nPaste into your shell:');
  console.log(`  export AWS_ENDPOINT_URL=${emu.url}`);
  console.log(`  export AWS_ACCESS_KEY_ID=${EMULATOR_CREDENTIALS.accessKeyId}`);
  console.log(`  export AWS_SECRET_ACCESS_KEY=${EMULATOR_CREDENTIALS.secretAccessKey}`);
  console.log('  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1   # the SDKs read the first, the AWS CLI the second');
  // Say which keys work, so nobody has to guess why `test`/`test` is (or is not) refused.
  console.log(
    config.options.strictCredentials
      ? '  (strict credentials: only this key and SSO-issued keys are accepted)'
      : '  (any well-formed SigV4 key works, e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test)',
  );
  console.log(`\nAdmin: ${emu.url}/_emulator/health · Ctrl-C to stop`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) process.exit(130); // second Ctrl-C: don't wait for streams
    closing = true;
    console.log(`\n${signal}: stopping emulator…`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

void main();
