/**
 * Invocation proxy for bridged runtimes: the request goes to the local
 * container's `POST /invocations` (the AgentCore runtime contract) and its
 * JSON or SSE reply streams straight back. Container failures surface as
 * RuntimeClientError (424), as AgentCore reports them.
 */
import { request, type IncomingMessage } from 'node:http';
import { AwsError, type InvocationRecord, type Reply, type RequestContext } from '../core/types';
import type { RuntimeSpec } from '../fleet/model';
import { textFromJson, textFromSse } from '../runtime/reply-text';

const MAX_CAPTURE = 256 * 1024;

export async function proxyToAgent(
  runtime: RuntimeSpec,
  ctx: RequestContext,
  sessionId: string,
  signal: AbortSignal,
  headersFor: (contentType: string) => Record<string, string>,
  onDone: (replyText: string, outcome: InvocationRecord['outcome'], errorMessage?: string) => void,
): Promise<Reply> {
  const url = new URL('/invocations', runtime.bridgeUrl);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': String(ctx.headers['content-type'] ?? 'application/json'),
          accept: String(ctx.headers.accept ?? 'application/json, text/event-stream'),
          'x-amzn-bedrock-agentcore-runtime-session-id': sessionId,
          'content-length': String(ctx.body.length),
        },
        signal,
      },
      resolve,
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(new AwsError(424, 'RuntimeClientError', `Runtime container at ${runtime.bridgeUrl} is unreachable: ${err.code ?? err.message}`)),
    );
    req.end(ctx.body);
  });
  const status = res.statusCode ?? 502;
  const contentType = res.headers['content-type'] ?? 'application/json';
  if (status >= 400) {
    res.resume();
    throw new AwsError(424, 'RuntimeClientError', `Received error (${status}) from runtime. Please check your CloudWatch logs for more information.`);
  }
  async function* relay(): AsyncGenerator<Uint8Array> {
    let captured = '';
    let complete = false;
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        if (captured.length < MAX_CAPTURE) captured += chunk.toString('utf8');
        yield chunk;
      }
      complete = res.complete;
    } finally {
      res.destroy();
      const text = contentType.includes('event-stream') ? textFromSse(captured) : contentType.includes('json') ? jsonText(captured) : captured;
      onDone(text, complete ? 'ok' : 'system_error', complete ? undefined : 'Response stream interrupted before completion');
    }
  }
  return { headers: headersFor(contentType), stream: relay() };
}

function jsonText(body: string): string {
  try {
    return textFromJson(JSON.parse(body)) || body;
  } catch {
    return body;
  }
}
