import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('maps flags onto emulator options', () => {
    const { options, verbose } = parseCliArgs(['--port', '0', '--seed', '7', '--scale', '20', '--agent', 'a=http://127.0.0.1:8080', '--fast', '--verbose']);
    expect(options).toMatchObject({ port: 0, seed: 7, scale: 20, agents: ['a=http://127.0.0.1:8080'], fast: true, host: '127.0.0.1' });
    expect(verbose).toBe(true);
  });

  it('accepts any well-formed key unless --strict-credentials', () => {
    expect(parseCliArgs([]).options.strictCredentials).toBeUndefined();
    expect(parseCliArgs(['--strict-credentials']).options.strictCredentials).toBe(true);
  });

  it('takes a span ingestion lag in ms', () => {
    expect(parseCliArgs(['--span-lag', '2500']).options.spanLag).toEqual({ lagMs: 2500 });
    expect(() => parseCliArgs(['--span-lag', 'soon'])).toThrow(/--span-lag must be an integer between 0 and 600000/);
  });

  it('defaults to port 4566 and no faults', () => {
    expect(parseCliArgs([]).options).toEqual({ port: 4566, host: '127.0.0.1' });
  });

  it('turns fault flags into rules; a global cold start applies to invocations', () => {
    const { options } = parseCliArgs(['--throttle', 'InvokeAgentRuntime=0.3', '--latency', '100+20', '--cold-start', '4', '--expired-credentials']);
    expect(options.faults).toEqual({
      expiredCredentials: true,
      rules: [
        { operation: 'InvokeAgentRuntime', throttleRate: 0.3 },
        { operation: '*', latencyMs: 100, jitterMs: 20 },
        { operation: 'InvokeAgentRuntime', coldStartSeconds: 4 },
      ],
    });
  });

  it('takes a log rate for load runs', () => {
    expect(parseCliArgs(['--log-rate', '5000']).options.logLinesPerSecond).toBe(5000);
    expect(parseCliArgs(['--log-rate', '0.5']).options.logLinesPerSecond).toBe(0.5);
    expect(() => parseCliArgs(['--log-rate=-1'])).toThrow(/--log-rate must be a number of lines per second/);
    expect(() => parseCliArgs(['--log-rate', 'fast'])).toThrow(/--log-rate/);
  });

  it('rejects bad values and unknown flags', () => {
    expect(() => parseCliArgs(['--port', '99999'])).toThrow(/--port must be an integer/);
    expect(() => parseCliArgs(['--nope'])).toThrow(/Unknown option/);
    expect(() => parseCliArgs(['--faults', '/does/not/exist.json'])).toThrow(/cannot read fault profile/);
  });
});
