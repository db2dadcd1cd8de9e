/**
 * InvokeAgentRuntime and StopRuntimeSession through the real SDK, built only
 * from validated fields (ARN from the fleet, qualifier, console-generated
 * session id, optional user id, payload bytes) — never from a spread of
 * renderer input.
 *
 * OAuth agents: AWS's docs say to skip the SDK and make the HTTPS call by
 * hand. We keep the SDK (same endpoint resolution, path encoding, headers and
 * error types as SigV4 calls) and add one middleware after signing that
 * replaces the SigV4 headers with `Authorization: Bearer`. The token lives
 * only in this request's headers; it is never logged or returned.
 */
import {
  InvokeAgentRuntimeCommand,
  InvokeHarnessCommand,
  StopRuntimeSessionCommand,
  type BedrockAgentCoreClient,
  type InvokeAgentRuntimeCommandInput,
  type InvokeAgentRuntimeCommandOutput,
  type InvokeHarnessCommandInput,
  type InvokeHarnessCommandOutput,
  type InvokeHarnessStreamOutput,
  type StopRuntimeSessionCommandInput,
  type StopRuntimeSessionCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore';
import type { FinalizeRequestMiddleware, HttpRequest, MetadataBearer, RelativeMiddlewareOptions } from '@smithy/types';

export interface InvokeTarget {
  arn: string;
  profile: string;
  region: string;
  qualifier: string;
  runtimeSessionId: string;
  userId?: string;
  /** Present for OAuth agents: the call is made with this JWT instead of SigV4. */
  bearerToken?: string;
}

export interface InvokeResponse {
  contentType?: string;
  statusCode?: number;
  traceId?: string;
  runtimeSessionId?: string;
  body: AsyncIterable<Uint8Array>;
  /** Releases the socket when the reader stops early. */
  destroy(): void;
}

export interface HarnessResponse {
  statusCode?: number;
  events: AsyncIterable<InvokeHarnessStreamOutput>;
}

export interface DataClients {
  dataClient(profile: string, region: string): BedrockAgentCoreClient;
  bearerDataClient(region: string): BedrockAgentCoreClient;
}

const SIGV4_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

/** Runs right after signing: swaps the SigV4 headers for the bearer token on one command. */
export function bearerMiddleware<I extends object, O extends MetadataBearer>(token: string): FinalizeRequestMiddleware<I, O> {
  return (next) => async (args) => {
    const request = args.request as HttpRequest;
    if (request?.headers) {
      for (const name of Object.keys(request.headers)) if (SIGV4_HEADERS.includes(name.toLowerCase())) delete request.headers[name];
      request.headers.authorization = `Bearer ${token}`;
    }
    return next(args);
  };
}

export const BEARER_MIDDLEWARE: RelativeMiddlewareOptions = {
  relation: 'after',
  toMiddleware: 'httpSigningMiddleware',
  name: 'agentcoreBearerAuth',
  override: true,
};

export class AgentInvoker {
  constructor(private readonly clients: DataClients) {}

  async invoke(target: InvokeTarget, payload: Uint8Array, accept: string, signal: AbortSignal): Promise<InvokeResponse> {
    const command = new InvokeAgentRuntimeCommand({
      agentRuntimeArn: target.arn,
      qualifier: target.qualifier,
      runtimeSessionId: target.runtimeSessionId,
      contentType: 'application/json',
      accept,
      payload,
      ...(target.userId ? { runtimeUserId: target.userId } : {}),
    });
    if (target.bearerToken)
      command.middlewareStack.addRelativeTo(
        bearerMiddleware<InvokeAgentRuntimeCommandInput, InvokeAgentRuntimeCommandOutput>(target.bearerToken),
        BEARER_MIDDLEWARE,
      );
    const out = await this.client(target).send(command, { abortSignal: signal });
    const stream = out.response as unknown;
    return {
      contentType: out.contentType,
      statusCode: out.statusCode ?? out.$metadata.httpStatusCode,
      traceId: out.traceId,
      runtimeSessionId: out.runtimeSessionId,
      body: toAsyncIterable(stream),
      destroy: () => destroyStream(stream),
    };
  }

  /** A managed harness turn: the new user message only; the harness keeps the conversation under the runtime session id. */
  async invokeHarness(target: InvokeTarget, prompt: string, signal: AbortSignal): Promise<HarnessResponse> {
    const command = new InvokeHarnessCommand({
      harnessArn: target.arn,
      qualifier: target.qualifier,
      runtimeSessionId: target.runtimeSessionId,
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      ...(target.userId ? { runtimeUserId: target.userId } : {}),
    });
    if (target.bearerToken)
      command.middlewareStack.addRelativeTo(bearerMiddleware<InvokeHarnessCommandInput, InvokeHarnessCommandOutput>(target.bearerToken), BEARER_MIDDLEWARE);
    const out = await this.client(target).send(command, { abortSignal: signal });
    return { statusCode: out.$metadata.httpStatusCode, events: out.stream ?? (async function* () {})() };
  }

  async stopSession(target: InvokeTarget, signal?: AbortSignal): Promise<void> {
    const command = new StopRuntimeSessionCommand({ agentRuntimeArn: target.arn, qualifier: target.qualifier, runtimeSessionId: target.runtimeSessionId });
    if (target.bearerToken)
      command.middlewareStack.addRelativeTo(
        bearerMiddleware<StopRuntimeSessionCommandInput, StopRuntimeSessionCommandOutput>(target.bearerToken),
        BEARER_MIDDLEWARE,
      );
    await this.client(target).send(command, signal ? { abortSignal: signal } : {});
  }

  private client(target: InvokeTarget): BedrockAgentCoreClient {
    return target.bearerToken ? this.clients.bearerDataClient(target.region) : this.clients.dataClient(target.profile, target.region);
  }
}

/** In Node the SDK hands over an IncomingMessage (async-iterable); elsewhere a web ReadableStream. */
function toAsyncIterable(stream: unknown): AsyncIterable<Uint8Array> {
  if (stream && typeof stream === 'object' && Symbol.asyncIterator in stream) return stream as AsyncIterable<Uint8Array>;
  const web = stream as { transformToWebStream?: () => ReadableStream<Uint8Array> } | undefined;
  if (web?.transformToWebStream) {
    const reader = web.transformToWebStream().getReader();
    return {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value) yield value;
        }
      },
    };
  }
  return (async function* () {})();
}

function destroyStream(stream: unknown): void {
  const s = stream as { destroy?: () => void } | undefined;
  if (typeof s?.destroy === 'function') s.destroy();
}
