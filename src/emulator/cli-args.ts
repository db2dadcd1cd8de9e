/**
 * `npm run emulator -- …` flags → EmulatorOptions. Pure, so bad flags are
 * unit-tested and reported as one clear line instead of a stack trace.
 */
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './index';
import { faultRuleFromFlag, loadFaultProfile, type FaultProfile, type FaultRule } from './core/faults';

export const USAGE = `Usage: npm run emulator -- [options]

  --port <n>              port to listen on (default 4566; 0 = any free port)
  --host <addr>           interface to bind (default 127.0.0.1)
  --seed <n>              demo fleet seed (same seed, same fleet)
  --scale <n>             extra runtimes per region (memories and gateways in proportion)
  --agent <name=url>      bridge a local agent container (repeatable, http:// or https://), e.g. my_agent=http://127.0.0.1:8080
  --faults <file.json>    fault profile: {"rules":[{"operation":"InvokeAgentRuntime","throttleRate":0.2}]}
  --throttle [Op=]<rate>  throttle a share of calls (429)
  --error-rate [Op=]<r>   answer a share of calls with 500 InternalServerException
  --access-denied [Op=]<r> answer a share of calls with 403 AccessDeniedException
                          (per region: a profile rule with "region": "eu-central-1")
  --not-found [Op=]<r>    answer a share of calls with 404 ResourceNotFoundException (deleted between list and get)
  --latency [Op=]<ms>[+<jitter>]  add latency
  --cold-start [Op=]<s>   cold start seconds for new sessions
  --malformed [Op=]<rate> answer a share of calls with a non-JSON body
  --drop-stream [Op=]<r>  cut a share of responses mid-stream
  --expired-credentials   every signed call fails with ExpiredTokenException
  --strict-credentials    accept only the demo key and SSO-issued keys, and check signatures
                          (default: any well-formed SigV4 key, signature unchecked)
  --log-rate <n>          load: n lines/s into every runtime log group once it is read or tailed
                          (live tail samples above 500 lines per update, as AWS does;
                          PUT /_emulator/logs {"linesPerSecond":n,"maxPerUpdate":m} raises that)
  --span-lag <ms>         ingestion lag of aws/spans: spans readable <ms> after an invocation writes them
                          (default 1500 plus up to 500 ms jitter, 0 with --fast; PUT /_emulator/spans {"lagMs","jitterMs"})
  --fast                  no simulated delays (tests, CI)
  --time-scale <x>        multiply simulated delays (default 1)
  --verbose               log every request
  --help                  show this help`;

export interface CliConfig {
  options: EmulatorOptions;
  verbose: boolean;
  help: boolean;
}

const FAULT_FLAGS = ['throttle', 'error-rate', 'access-denied', 'not-found', 'latency', 'cold-start', 'malformed', 'drop-stream'] as const;

export function parseCliArgs(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      agent: { type: 'string', multiple: true },
      faults: { type: 'string' },
      'expired-credentials': { type: 'boolean' },
      'strict-credentials': { type: 'boolean' },
      fast: { type: 'boolean' },
      'time-scale': { type: 'string' },
      'log-rate': { type: 'string' },
      'span-lag': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      throttle: { type: 'string', multiple: true },
      'error-rate': { type: 'string', multiple: true },
      'access-denied': { type: 'string', multiple: true },
      'not-found': { type: 'string', multiple: true },
      latency: { type: 'string', multiple: true },
      'cold-start': { type: 'string', multiple: true },
      malformed: { type: 'string', multiple: true },
      'drop-stream': { type: 'string', multiple: true },
    },
  });
  const int = (name: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer between ${min} and ${max}, got '${raw}'`);
    return n;
  };
  const options: EmulatorOptions = {
    port: int('port', values.port, 0, 65535) ?? 4566,
    host: values.host ?? '127.0.0.1',
  };
  const seed = int('seed', values.seed, 0, 2 ** 32 - 1);
  if (seed !== undefined) options.seed = seed;
  const scale = int('scale', values.scale, 0, 5000);
  if (scale !== undefined) options.scale = scale;
  if (values.agent) options.agents = values.agent;
  if (values.fast) options.fast = true;
  if (values['strict-credentials']) options.strictCredentials = true;
  if (values['time-scale'] !== undefined) {
    const x = Number(values['time-scale']);
    if (!Number.isFinite(x) || x < 0) throw new Error(`--time-scale must be a number ≥ 0, got '${values['time-scale']}'`);
    options.timeScale = x;
  }

  if (values['log-rate'] !== undefined) {
    const n = Number(values['log-rate']);
    if (values['log-rate'].trim() === '' || !Number.isFinite(n) || n < 0 || n > 50_000)
      throw new Error(`--log-rate must be a number of lines per second between 0 and 50000, got '${values['log-rate']}'`);
    options.logLinesPerSecond = n;
  }

  const spanLag = int('span-lag', values['span-lag'], 0, 600_000);
  if (spanLag !== undefined) options.spanLag = { lagMs: spanLag };

  const profile: FaultProfile = values.faults ? loadFaultProfile(values.faults) : { rules: [] };
  const rules: FaultRule[] = [...(profile.rules ?? [])];
  for (const flag of FAULT_FLAGS) {
    for (const v of values[flag] ?? []) rules.push(faultRuleFromFlag(flag, v));
  }
  if (rules.some((r) => r.coldStartSeconds !== undefined && (r.operation ?? '*') === '*')) {
    // A global --cold-start means "the invoke cold start": apply it where it has meaning.
    for (const r of rules) if (r.coldStartSeconds !== undefined && (r.operation ?? '*') === '*') r.operation = 'InvokeAgentRuntime';
  }
  if (values['expired-credentials'] || profile.expiredCredentials) options.faults = { ...profile, expiredCredentials: true, rules };
  else if (rules.length > 0 || profile.seed !== undefined) options.faults = { ...profile, rules };
  return { options, verbose: values.verbose === true, help: values.help === true };
}
