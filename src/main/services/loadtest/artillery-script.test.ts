import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../shared/loadtest';
import { artilleryFiles } from './artillery-script';

// Stored as .golden so formatters and linters leave the generated text as generated.
const GOLDEN = join(import.meta.dirname, '../../../../test/fixtures/loadtest/artillery');

const scenario = scenarioSchema.parse({
  name: 'Checkout smoke',
  agentKey: 'demo|us-east-1|runtime|checkout-abc',
  qualifier: 'prod',
  prompts: { kind: 'list', prompts: ['Where is order 42?'] },
  users: 10,
  rampUpSeconds: 5,
  stop: { kind: 'duration', seconds: 60 },
  thinkTimeMs: 1500,
  sessionPer: 'request',
  acceptance: [
    { users: 50, latencyMs: 5000, successPct: 99 },
    { users: 10, latencyMs: 2000, successPct: 100 },
  ],
});
const files = artilleryFiles({
  scenario,
  agent: { name: 'checkout', region: 'us-east-1', arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/checkout-abc' },
  prompts: ['Where is order 42?', 'Cancel "order" 7\nplease'],
  template: '{"input": {"prompt": "{{prompt}}", "session": {{sessionId}}}}',
});

describe('the Artillery export', () => {
  it('matches the golden files', () => {
    expect(files.map((f) => f.fileName)).toEqual([
      'checkout-smoke.artillery.yml',
      'checkout-smoke.processor.cjs',
      'checkout-smoke.prompts.json',
      'package.json',
    ]);
    for (const f of files) {
      const path = join(GOLDEN, `${f.fileName}.golden`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, f.content);
      expect(f.content, f.fileName).toBe(readFileSync(path, 'utf8'));
    }
  });

  it('writes a processor that is valid JavaScript and prompts that read back as sent', () => {
    expect(() => new Script(files[1]!.content)).not.toThrow();
    expect(JSON.parse(files[2]!.content)).toEqual(['Where is order 42?', 'Cancel "order" 7\nplease']);
  });

  it('maps each acceptance row, in order of users, to a stage phase and an ensure condition', () => {
    const yml = files[0]!.content;
    expect(yml.match(/arrivalCount: \d+/g)).toEqual(['arrivalCount: 10', 'arrivalCount: 50']);
    expect(yml.match(/pause: \d+/g)).toEqual(['pause: 55', 'pause: 55']);
    expect(yml).toContain('"agentcore.stage_0.within_limit / agentcore.stage_0.requests * 100 >= 100"');
    expect(yml).toContain('"agentcore.stage_1.within_limit / agentcore.stage_1.requests * 100 >= 99"');
    expect(yml).toContain('- think: 1.5');
  });
});
