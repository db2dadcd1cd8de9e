import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { FleetResource } from '../../../shared/fleet';
import { memoryTargets } from './memory-target';

const memory = (status: string, failureReason?: string): FleetResource => ({
  key: 'ops|us-east-1|memory|m-1',
  kind: 'memory',
  id: 'm-1',
  arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-1',
  name: 'notes',
  profile: 'ops',
  accountId: '123456789012',
  region: 'us-east-1',
  status,
  health: 'ok',
  ...(failureReason ? { failureReason } : {}),
});

function resolve(resource: FleetResource | undefined) {
  const asked: string[] = [];
  const targets = memoryTargets({ find: () => resource }, { dataClient: (profile, region) => (asked.push(`${profile}|${region}`), {}) as never });
  return { target: () => targets('ops|us-east-1|memory|m-1'), asked };
}

const refusal = (run: () => unknown): ApiError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('not refused');
};

describe('memory targets', () => {
  it('gives an ACTIVE memory the data client of its profile and region', () => {
    const { target, asked } = resolve(memory('ACTIVE'));
    expect(target().memoryId).toBe('m-1');
    expect(asked).toEqual(['ops|us-east-1']);
  });

  it.each([
    ['CREATING', /notes is still being created; .* once it is ACTIVE/],
    ['DELETING', /notes is being deleted/],
    ['FAILED', /notes failed to create, so it holds no events or records\. Reason: KMS key disabled/],
  ])('refuses a %s memory before any AWS call, saying why', (status, message) => {
    const { target, asked } = resolve(memory(status, status === 'FAILED' ? 'KMS key disabled' : undefined));
    const error = refusal(target);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(asked).toEqual([]);
  });

  it('says a memory gone from the fleet is not found', () => {
    expect(refusal(resolve(undefined).target).code).toBe('not_found');
  });
});
