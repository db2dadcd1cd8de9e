/**
 * Invocation proxy for bridged runtimes: the request goes to the local
 * container's `POST /invocations` (the AgentCore runtime contract) and its
 * JSON or SSE reply streams straight back. Container failures surface as
 * RuntimeClientError (424), as AgentCore reports them.
 */
import type { IncomingMessage } from 'node:http';
import { agentRequest, describeAgentError } from './agent-http';
import { AwsError, type Delivery, type Reply, type RequestContext } from '../core/types';
import { deliveredFields, type DeliveredFields } from '../runtime/delivery';
import type { RuntimeSpec } from '../fleet/model';
import { textFromJson, textFromSse } from '../runtime/reply-text';

const MAX_CAPTURE = 256 * 1024;

export async function proxyToAgent(
  runtime: RuntimeSpec,
  ctx: RequestContext,
  sessionId: string,
  signal: AbortSignal,
  headersFor: (contentType: string) => Record<string, string>,
  onDone: (replyText: string, fields: DeliveredFields) => void,
): Promise<Reply> {
  const url = new URL('/invocations', runtime.bridgeUrl);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = agentRequest(
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
      reject(new AwsError(424, 'RuntimeClientError', `Runtime container at ${runtime.bridgeUrl} is unreachable: ${describeAgentError(err)}`)),
    );
    req.end(ctx.body);
  });
  const status = res.statusCode ?? 502;
  const contentType = res.headers['content-type'] ?? 'application/json';
  if (status >= 400) {
    res.resume();
    throw new AwsError(424, 'RuntimeClientError', `Received error (${status}) from runtime. Please check your CloudWatch logs for more information.`);
  }
  // Whole chunks as relayed, so the record can hold exactly the ones the server got out (capped like a log line).
  const relayed: string[] = [];
  let captured = 0;
  let upstreamComplete = false;
  async function* relay(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        if (captured < MAX_CAPTURE) {
          relayed.push(chunk.toString('utf8'));
          captured += chunk.length;
        }
        yield chunk;
      }
      upstreamComplete = res.complete;
    } finally {
      res.destroy();
    }
  }
  const onDelivered = (d: Delivery): void => {
    res.destroy(); // a garbled reply never reads the container's answer
    const raw = d.kind === 'malformed' ? '' : relayed.slice(0, d.chunks).join('');
    const text = contentType.includes('event-stream') ? textFromSse(raw) : contentType.includes('json') ? jsonText(raw) : raw;
    const fields = deliveredFields(d);
    // The container itself hung up early: the client got an incomplete reply even though the server wrote all it had.
    if (d.kind === 'complete' && !upstreamComplete)
      onDone(text, { ...fields, outcome: 'system_error', errorMessage: 'Response stream interrupted before completion' });
    else onDone(text, fields);
  };
  return { headers: headersFor(contentType), stream: relay(), onDelivered };
}

function jsonText(body: string): string {
  try {
    return textFromJson(JSON.parse(body)) || body;
  } catch {
    return body;
  }
}
