import {
  AccessDeniedException,
  ResourceNotFoundException,
  RuntimeClientError,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-agentcore';
import { describe, expect, it } from 'vitest';
import { invokeErrorToChat, readEndToChat, type InvokeContext } from './invoke-errors';

const ctx: InvokeContext = {
  agentKey: 'prod|us-east-1|runtime|agent-abc',
  agentName: 'sre_supervisor',
  sessionId: 'console-00000000-0000-0000-0000-000000000000',
  runtimeArn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-abc',
  profile: 'prod',
  region: 'us-east-1',
  usedBearer: false,
  qualifier: 'DEFAULT',
  at: Date.UTC(2026, 10, 28, 10, 15, 42),
};
const meta = (status: number) => ({ $metadata: { httpStatusCode: status } });

describe('invokeErrorToChat', () => {
  it('offers a retry for throttling', () => {
    expect(invokeErrorToChat(new ThrottlingException({ message: 'Rate exceeded', ...meta(429) }), ctx)).toMatchObject({
      code: 'ThrottlingException',
      action: { kind: 'retry' },
    });
  });

  it('names the IAM action and the profile when access is denied', () => {
    const e = invokeErrorToChat(new AccessDeniedException({ message: 'not authorized', ...meta(403) }), { ...ctx, userId: 'alice' });
    expect(e.message).toContain('bedrock-agentcore:InvokeAgentRuntime');
    expect(e.message).toContain('InvokeAgentRuntimeForUser');
    expect(e.message).toContain('"prod"');
  });

  it('explains the JWT authorizer when SigV4 reaches an OAuth agent', () => {
    const e = invokeErrorToChat(
      new AccessDeniedException({ message: 'Authorization method mismatch. The agent is configured for a different authorization method', ...meta(403) }),
      ctx,
    );
    expect(e).toMatchObject({ code: 'bearer_required', action: { kind: 'set_bearer_token' } });
    expect(e.message).toMatch(/JWT \(OAuth\) authorizer/);
  });

  it('names the field of a validation error', () => {
    const error = new ValidationException({
      message: "1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint",
      ...meta(400),
      reason: 'FieldValidationFailed',
      fieldList: [{ name: 'runtimeSessionId', message: 'too short' }],
    });
    expect(invokeErrorToChat(error, ctx)).toMatchObject({
      code: 'ValidationException',
      message: expect.stringContaining('"runtimeSessionId"'),
      hint: expect.stringContaining('33–256'),
    });
  });

  it('opens the logs at the minute of a 424 container failure', () => {
    expect(invokeErrorToChat(new RuntimeClientError({ message: 'Received error (500) from runtime', ...meta(424) }), ctx).action).toEqual({
      kind: 'open_logs',
      endpoint: 'DEFAULT',
      agentKey: ctx.agentKey,
      sessionId: ctx.sessionId,
      at: Date.UTC(2026, 10, 28, 10, 15),
    });
  });

  it('asks for a fleet refresh when the ARN is stale', () => {
    expect(invokeErrorToChat(new ResourceNotFoundException({ message: 'No agent runtime found', ...meta(404) }), ctx).action).toEqual({
      kind: 'refresh_fleet',
    });
  });

  it('shows status and an excerpt for a body that is not JSON', () => {
    const error = Object.assign(new SyntaxError(`Unexpected token '<', "<html><hea"... is not valid JSON`), meta(502));
    expect(invokeErrorToChat(error, ctx)).toMatchObject({ code: 'MalformedResponse', message: expect.stringMatching(/HTTP 502.*<html><hea/) });
  });

  it('labels early ends of a read', () => {
    expect(readEndToChat({ kind: 'complete' }, ctx)).toBeUndefined();
    expect(readEndToChat({ kind: 'dropped', message: 'aborted' }, ctx)).toMatchObject({ code: 'dropped_stream' });
    expect(readEndToChat({ kind: 'timeout', which: 'idle', afterMs: 300_000 }, ctx)).toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('300 s'),
    });
    expect(readEndToChat({ kind: 'stopped' }, ctx)).toMatchObject({ code: 'stopped' });
  });
});
