/**
 * InvokeHarness request checks, in the order AgentCore reports them: the
 * harness ARN (query `harnessArn`), the session header (33–256 chars, shared
 * with InvokeAgentRuntime), the qualifier, then the JSON body's `messages`.
 */
import { z } from 'zod';
import type { RequestContext } from '../core/types';
import { errors } from '../core/protocol';
import { readJsonBody } from '../kit/json-body';
import { sessionIdOf } from '../runtime/invoke-request';
import type { HarnessFleet } from './fleet';
import type { HarnessEndpointSpec, HarnessSpec } from './model';

const HARNESS_ARN = /^arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:harness\/[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}$/;

const contentBlock = z.object({ text: z.string() }).partial().passthrough();
const messagesSchema = z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.array(contentBlock).min(1) }).passthrough()).min(1);

export interface HarnessRequest {
  harness: HarnessSpec;
  endpoint: HarnessEndpointSpec;
  sessionId: string;
  /** The text of the last user message. */
  prompt: string;
}

export function readHarnessRequest(fleet: HarnessFleet, ctx: RequestContext): HarnessRequest {
  const arn = ctx.query.get('harnessArn') ?? '';
  if (!HARNESS_ARN.test(arn)) {
    throw errors.validation(
      `1 validation error detected: Value at 'harnessArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${HARNESS_ARN.source}`,
      [{ name: 'harnessArn', message: 'Member must satisfy regular expression pattern' }],
    );
  }
  const harness = fleet.find(ctx.region, arn);
  if (!harness) throw errors.notFound(`Harness not found: ${arn}`);
  const sessionId = sessionIdOf(ctx, true);
  const qualifier = ctx.query.get('qualifier') || 'DEFAULT';
  const endpoint = harness.endpoints.find((e) => e.name === qualifier);
  if (!endpoint) throw errors.notFound(`No endpoint '${qualifier}' found for harness ${arn}`);
  if (harness.status !== 'READY' || endpoint.status !== 'READY') {
    throw errors.validation(`Harness ${harness.name} cannot be invoked: its status is ${harness.status !== 'READY' ? harness.status : endpoint.status}`);
  }
  const parsed = messagesSchema.safeParse(readJsonBody(ctx).messages);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['messages', ...(issue?.path ?? [])].join('.');
    throw errors.validation(`1 validation error detected: Value at '${field}' failed to satisfy constraint: ${issue?.message ?? 'invalid'}`, [
      { name: field, message: issue?.message ?? 'invalid' },
    ]);
  }
  const lastUser = [...parsed.data].reverse().find((m) => m.role === 'user');
  const prompt = (lastUser?.content ?? []).map((c) => c.text ?? '').join(' ');
  return { harness, endpoint, sessionId, prompt };
}
