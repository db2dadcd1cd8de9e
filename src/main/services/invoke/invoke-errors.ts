/**
 * Invoke failures as ChatErrors: what happened in the user's terms, and the
 * one thing they can do about it (retry, open the logs at that minute,
 * refresh a stale fleet, set a bearer token). Built on describeAwsError so a
 * non-JSON body still shows its status and an excerpt, and secrets are
 * scrubbed before anything reaches the renderer.
 */
import type { ChatError } from '../../../shared/chat';
import { describeAwsError } from '../aws/describe-error';
import type { ReadEnd } from './read-reply';

export interface InvokeContext {
  agentKey: string;
  agentName: string;
  /** The endpoint invoked (its log group is that endpoint's). */
  qualifier: string;
  sessionId: string;
  runtimeArn: string;
  profile: string;
  region: string;
  userId?: string;
  usedBearer: boolean;
  /** Epoch ms of the invoke (the minute the logs should open at). */
  at: number;
}

const AUTH_MISMATCH = /Authorization method mismatch|different authorization method/i;

export function invokeErrorToChat(error: unknown, ctx: InvokeContext): ChatError {
  const d = describeAwsError(error);
  const status = d.status ? ` (HTTP ${d.status})` : '';
  switch (d.code) {
    case 'ThrottlingException':
    case 'ThrottledException':
    case 'TooManyRequestsException':
      return {
        code: d.code,
        message: `AgentCore throttled this invoke of ${ctx.agentName}${status}: ${d.message}`,
        hint: 'Wait a few seconds and retry. If it keeps happening, the account may be at its InvokeAgentRuntime rate quota for this region.',
        action: { kind: 'retry' },
      };
    case 'AccessDeniedException':
      if (AUTH_MISMATCH.test(d.message)) return authMismatch(ctx, d.message);
      return {
        code: d.code,
        message: `Access denied: profile "${ctx.profile}" may not call bedrock-agentcore:InvokeAgentRuntime${ctx.userId ? ' (and bedrock-agentcore:InvokeAgentRuntimeForUser, because a user id is set)' : ''} on ${ctx.runtimeArn}. ${d.message}`,
        hint: `Add the action to the role behind profile "${ctx.profile}", or choose a profile that has it.`,
      };
    case 'UnauthorizedException':
      return {
        code: 'bearer_rejected',
        message: `The agent's JWT authorizer rejected the bearer token${status}: ${d.message}`,
        hint: 'The token may be expired or issued for another client or audience. Get a fresh access token from the identity provider and set it again.',
        action: { kind: 'set_bearer_token' },
      };
    case 'ValidationException': {
      const field = d.fields?.[0];
      return {
        code: d.code,
        message: field ? `AgentCore rejected the field "${field}": ${d.message}` : `AgentCore rejected the request: ${d.message}`,
        ...(field === 'runtimeSessionId' ? { hint: 'Runtime session ids must be 33–256 characters. Start a new chat to get a console-generated id.' } : {}),
      };
    }
    case 'RuntimeClientError':
      return {
        code: d.code,
        message: `The agent's container failed while handling this request${status}: ${d.message}`,
        hint: 'The container crashed or answered with an error. Its logs for this minute usually name the exception.',
        action: { kind: 'open_logs', agentKey: ctx.agentKey, endpoint: ctx.qualifier, sessionId: ctx.sessionId, at: Math.floor(ctx.at / 60_000) * 60_000 },
      };
    case 'ResourceNotFoundException':
      return {
        code: d.code,
        message: `AgentCore does not know this agent or endpoint any more${status}: ${d.message}`,
        hint: 'The runtime may have been deleted or recreated with a new ARN. Refresh the fleet and pick the agent again.',
        action: { kind: 'refresh_fleet' },
      };
    case 'ExpiredTokenException':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'CredentialsProviderError':
      return {
        code: d.code,
        message: `The AWS credentials of profile "${ctx.profile}" were not accepted: ${d.message}`,
        hint: `Sign in again (for SSO: aws sso login --profile ${ctx.profile}) and retry.`,
        action: { kind: 'retry' },
      };
    default:
      return {
        code: d.code,
        message: `${ctx.agentName} could not be invoked${status}: ${d.message}`,
        ...(d.retryable ? { action: { kind: 'retry' as const } } : {}),
      };
  }
}

function authMismatch(ctx: InvokeContext, detail: string): ChatError {
  if (ctx.usedBearer) {
    return {
      code: 'sigv4_required',
      message: `${ctx.agentName} uses IAM (SigV4) authorization, but a bearer token is set for it, so the console sent the token instead of signing. ${detail}`,
      hint: 'Clear the bearer token for this agent to call it with your AWS profile.',
      action: { kind: 'set_bearer_token' },
    };
  }
  return {
    code: 'bearer_required',
    message: `${ctx.agentName} uses a JWT (OAuth) authorizer and rejects AWS SigV4 requests. Set a bearer token (an access token from the agent's identity provider, e.g. Cognito) to chat with it.`,
    hint: detail,
    action: { kind: 'set_bearer_token' },
  };
}

/** A read that ended early, as a ChatError (undefined when it completed). */
export function readEndToChat(end: ReadEnd, ctx: InvokeContext): ChatError | undefined {
  switch (end.kind) {
    case 'complete':
      return undefined;
    case 'stopped':
      return { code: 'stopped', message: 'You stopped this reply. The text received until then is kept.', action: { kind: 'retry' } };
    case 'timeout':
      return {
        code: 'timeout',
        message:
          end.which === 'idle'
            ? `${ctx.agentName} sent nothing for ${Math.round(end.afterMs / 1000)} s, so the console stopped waiting. The text received until then is kept.`
            : `The reply took longer than ${Math.round(end.afterMs / 1000)} s, so the console stopped reading it. The text received until then is kept.`,
        hint: 'The agent may be stuck in a tool call. Its logs show what it was doing; the timeouts are configurable in settings.',
        action: { kind: 'open_logs', agentKey: ctx.agentKey, endpoint: ctx.qualifier, sessionId: ctx.sessionId, at: Math.floor(ctx.at / 60_000) * 60_000 },
      };
    case 'dropped':
      return {
        code: 'dropped_stream',
        message: `The connection dropped before the reply finished (${end.message}). The text received until then is kept.`,
        hint: 'A network interruption or a container restart ends a stream early. Retry to ask again.',
        action: { kind: 'retry' },
      };
  }
}
