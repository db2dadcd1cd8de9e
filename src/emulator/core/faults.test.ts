import { describe, expect, it } from 'vitest';
import { FaultEngine, faultRuleFromFlag } from './faults';

describe('FaultEngine', () => {
  it('merges the * rule with operation rules field by field', () => {
    const engine = new FaultEngine({
      rules: [
        { operation: '*', latencyMs: 10, throttleRate: 1 },
        { operation: 'GetMemory', throttleRate: 0 },
      ],
    });
    expect(engine.decide('GetMemory')).toMatchObject({ latencyMs: 10, throttle: false });
    expect(engine.decide('ListMemories')).toMatchObject({ latencyMs: 10, throttle: true });
  });

  it('replays the same decisions for the same seed', () => {
    const run = (): boolean[] => {
      const engine = new FaultEngine({ seed: 5, rules: [{ operation: '*', errorRate: 0.5 }] });
      return Array.from({ length: 32 }, () => engine.decide('X').error);
    };
    const a = run();
    expect(a).toEqual(run());
    expect(a.filter(Boolean).length).toBeGreaterThan(4);
    expect(a.filter((x) => !x).length).toBeGreaterThan(4);
  });

  it('rejects invalid profiles with a readable message and keeps the old one', () => {
    const engine = new FaultEngine({ rules: [{ operation: '*', errorRate: 1 }] });
    expect(() => engine.set({ rules: [{ operation: '*', errorRate: 2 }] })).toThrow(/rules\.0\.errorRate/);
    expect(() => engine.set({ rules: [{ bogus: 1 }] })).toThrow(/invalid fault profile/);
    expect(engine.decide('X').error).toBe(true);
  });

  it('reports cold starts, malformed bodies and dropped streams', () => {
    const engine = new FaultEngine({ rules: [{ operation: 'InvokeAgentRuntime', coldStartSeconds: 3, malformedRate: 1, dropStreamRate: 1 }] });
    expect(engine.coldStartSeconds('InvokeAgentRuntime')).toBe(3);
    expect(engine.coldStartSeconds('GetMemory')).toBeUndefined();
    expect(engine.decide('InvokeAgentRuntime')).toMatchObject({ malformed: 500, dropAfterChunks: 3 });
  });
});

describe('faultRuleFromFlag', () => {
  it('parses rates, operations and latency with jitter', () => {
    expect(faultRuleFromFlag('throttle', '0.2')).toEqual({ operation: '*', throttleRate: 0.2 });
    expect(faultRuleFromFlag('error-rate', 'GetMemory=1')).toEqual({ operation: 'GetMemory', errorRate: 1 });
    expect(faultRuleFromFlag('latency', '200+50')).toEqual({ operation: '*', latencyMs: 200, jitterMs: 50 });
    expect(() => faultRuleFromFlag('throttle', 'lots')).toThrow(/expected a number/);
  });
});
