import { describe, expect, it } from 'vitest';
import { Router } from './router';
import type { Route } from './types';

const route = (operation: string, method: Route['method'], path: string): Route => ({ service: 'agentcore', operation, method, path, handle: () => ({}) });

describe('Router', () => {
  const router = new Router();
  router.add([
    route('ListAgentRuntimes', 'POST', '/runtimes/'),
    route('GetAgentRuntime', 'GET', '/runtimes/{agentRuntimeId}/'),
    route('Invoke', 'POST', '/runtimes/{agentRuntimeArn}/invocations'),
    route('GetMemory', 'GET', '/memories/{memoryId}/details'),
    route('GetEvent', 'GET', '/memories/{memoryId}/{rest+}'),
    { service: 'logs', operation: 'FilterLogEvents', method: 'POST', target: 'Logs_20140328.FilterLogEvents', handle: () => ({}) },
  ]);

  it('treats trailing slashes as significant', () => {
    expect(router.matchPath('POST', '/runtimes/')?.route.operation).toBe('ListAgentRuntimes');
    expect(router.matchPath('POST', '/runtimes')).toBeUndefined();
    expect(router.matchPath('GET', '/runtimes/abc')).toBeUndefined();
  });

  it('percent-decodes labels after splitting, so an encoded ARN stays one label', () => {
    const arn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-Ab12Cd34Ef';
    const m = router.matchPath('POST', `/runtimes/${encodeURIComponent(arn)}/invocations`);
    expect(m?.route.operation).toBe('Invoke');
    expect(m?.params.agentRuntimeArn).toBe(arn);
  });

  it('prefers literal segments over labels and supports greedy labels', () => {
    expect(router.matchPath('GET', '/memories/m-1/details')?.route.operation).toBe('GetMemory');
    expect(router.matchPath('GET', '/memories/m-1/actor/a/sessions')?.params.rest).toBe('actor/a/sessions');
  });

  it('matches awsJson operations by x-amz-target and requires the method', () => {
    expect(router.matchTarget('Logs_20140328.FilterLogEvents')?.operation).toBe('FilterLogEvents');
    expect(router.matchTarget('Logs_20140328.Nope')).toBeUndefined();
    expect(router.matchPath('GET', '/runtimes/')).toBeUndefined();
  });
});
