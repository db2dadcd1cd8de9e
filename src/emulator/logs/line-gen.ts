/**
 * Realistic log lines for one agent invocation, as a Python AgentCore agent
 * (uvicorn + bedrock_agentcore + strands) writes them: plain-text stdout
 * lines, JSON application records with the session id and OTEL log records in
 * `otel-rt-logs` (the spans for `aws/spans` are span-gen.ts). Used for the seeded history
 * and for live invocations, so both look the same in the console.
 */
import type { Outcome } from '../kit/traffic';
import { Rng } from '../kit/rng';

export interface InvocationFacts {
  runtimeId: string;
  runtimeName: string;
  endpointName: string;
  region: string;
  accountId: string;
  sessionId: string;
  startedAt: number;
  latencyMs: number;
  outcome: Outcome;
  coldStart: boolean;
  inputTokens: number;
  outputTokens: number;
  traceId: string; // 32 hex
  key: string; // stable key for derived ids
  promptChars: number;
  errorMessage?: string;
  /** The response's x-amzn-requestid for a real invocation; synthetic history derives one from `key`. */
  requestId?: string;
  /** The runtime's AgentCore Memory, named by its memory spans (span-gen.ts). */
  memoryId?: string;
}

export interface GeneratedLine {
  timestamp: number;
  message: string;
  /** `stdout` goes to the instance's [runtime-logs] stream, `otel` to otel-rt-logs. */
  target: 'stdout' | 'otel';
}

export const MODELS = [
  'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
  'us.anthropic.claude-sonnet-4-20250514-v1:0',
  'us.amazon.nova-pro-v1:0',
  'us.anthropic.claude-3-5-haiku-20241022-v1:0',
];
export const TOOLS = ['get_pod_status', 'query_metrics', 'search_logs', 'get_runbook', 'retrieve_memory', 'describe_deployment'];
export const SYSTEM_ERRORS = [
  'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the ConverseStream operation: Too many tokens, please wait before trying again.',
  'botocore.errorfactory.ModelTimeoutException: Model has timed out in processing the request.',
  'ConnectionResetError: [Errno 104] Connection reset by peer (gateway target sre-tools)',
  'RuntimeError: MCP session closed unexpectedly',
];

export function modelFor(seed: number, runtimeId: string): string {
  return Rng.for(seed, 'model', runtimeId).pick(MODELS);
}

/** OTEL trace ids are 32 hex chars; X-Ray style ids (`1-5f8a…-…`) are folded into that form. */
export function toOtelTraceId(traceId: string): string {
  const hex = traceId
    .replace(/^1-/, '')
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase();
  return hex.padEnd(32, '0').slice(0, 32);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Python logging's default asctime: `2026-11-28 12:00:00,123`. */
export function asctime(ms: number): string {
  return iso(ms).replace('T', ' ').replace('Z', '').replace('.', ',');
}

/** Nanosecond timestamps exceed 2^53; emit them as exact digit strings spliced into the JSON. */
export function nanos(ms: number): string {
  return `${Math.floor(ms)}000000`;
}

export function jsonWithNanos(value: unknown): string {
  return JSON.stringify(value).replace(/"__ns:(\d+)"/g, '$1');
}

export function invocationLines(seed: number, f: InvocationFacts): GeneratedLine[] {
  const rng = Rng.for(seed, 'lines', f.key);
  const model = modelFor(seed, f.runtimeId);
  const requestId = f.requestId ?? Rng.for(seed, 'request', f.key).uuid();
  // Instant (fast-mode or fault-injected) calls still take a few ms, so every line sorts after the request start.
  const end = f.startedAt + Math.max(f.latencyMs, 20);
  const out: GeneratedLine[] = [];
  const stdout = (timestamp: number, message: string) => out.push({ timestamp, message, target: 'stdout' });
  const app = (timestamp: number, level: string, message: string, extra: Record<string, unknown> = {}) =>
    stdout(
      timestamp,
      JSON.stringify({ timestamp: iso(timestamp), level, message, logger: 'bedrock_agentcore.app', requestId, sessionId: f.sessionId, ...extra }),
    );

  if (f.outcome === 'throttled') return out; // rejected by the service before reaching the container
  let t = f.startedAt;
  if (f.coldStart) {
    const boot = Math.min(Math.max(10, f.latencyMs - 50), rng.int(2500, 6000));
    stdout(t, 'INFO:     Started server process [1]');
    stdout(t + 3, 'INFO:     Waiting for application startup.');
    stdout(t + 5, 'INFO:     Application startup complete.');
    stdout(t + 6, 'INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)');
    app(t + Math.max(10, boot), 'INFO', `Cold start: container initialised in ${Math.max(10, boot)} ms`, { coldStart: true });
    t += Math.max(10, boot);
  }
  app(t + 1, 'INFO', 'Invocation request received', { payloadBytes: f.promptChars + 14 });
  if (f.outcome === 'user_error') {
    stdout(t + 4, `${asctime(t + 4)} - agent - WARNING - Invalid payload: expected a JSON object with a "prompt" field`);
    app(t + 5, 'WARN', 'Rejected invocation: invalid payload', { statusCode: 400 });
    stdout(end, `INFO:     169.254.0.1:${rng.int(30000, 60000)} - "POST /invocations HTTP/1.1" 400 Bad Request`);
    return out;
  }
  stdout(t + 3, `${asctime(t + 3)} - agent - INFO - Processing prompt (${f.promptChars} chars) with model ${model}`);
  const tools = rng.int(0, 3);
  for (let i = 0; i < tools; i++) {
    const at = t + Math.round(((i + 1) * (end - t)) / (tools + 2));
    stdout(at, `${asctime(at)} - strands.tools - INFO - Tool #${i + 1}: ${rng.pick(TOOLS)}`);
  }
  if (f.latencyMs > 10_000) stdout(end - 5, `${asctime(end - 5)} - agent - WARNING - Slow model response: ${(f.latencyMs / 1000).toFixed(1)}s for ${model}`);
  out.push({
    timestamp: end - 1,
    target: 'otel',
    message: jsonWithNanos({
      resource: { attributes: { 'service.name': `${f.runtimeName}.${f.endpointName}`, 'cloud.region': f.region, 'cloud.platform': 'aws_bedrock_agentcore' } },
      scope: { name: 'strands.telemetry.tracer' },
      timeUnixNano: `__ns:${nanos(end - 1)}`,
      severityNumber: f.outcome === 'ok' ? 9 : 17,
      severityText: f.outcome === 'ok' ? 'INFO' : 'ERROR',
      body: f.outcome === 'ok' ? 'Agent invocation completed' : 'Agent invocation failed',
      attributes: { 'session.id': f.sessionId, 'event.name': 'strands.agent.invocation', 'gen_ai.request.model': model },
      traceId: toOtelTraceId(f.traceId),
      spanId: Rng.for(seed, 'span', f.key, 'agent').hex(16),
    }),
  });
  if (f.outcome === 'system_error') {
    const error = f.errorMessage ?? rng.pick(SYSTEM_ERRORS);
    stdout(end - 3, `${asctime(end - 3)} - agent - ERROR - Agent invocation failed: ${error}`);
    stdout(end - 2, 'Traceback (most recent call last):\n  File "/app/agent.py", line 88, in invoke\n    result = agent(payload["prompt"])\n' + `${error}`);
    app(end - 1, 'ERROR', 'Invocation failed', { statusCode: 500, errorType: error.split(':')[0], durationMs: f.latencyMs });
    stdout(end, `INFO:     169.254.0.1:${rng.int(30000, 60000)} - "POST /invocations HTTP/1.1" 500 Internal Server Error`);
    return out;
  }
  app(end - 1, 'INFO', `Invocation completed successfully (${(f.latencyMs / 1000).toFixed(2)}s)`, {
    durationMs: f.latencyMs,
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
  });
  stdout(end, `INFO:     169.254.0.1:${rng.int(30000, 60000)} - "POST /invocations HTTP/1.1" 200 OK`);
  return out;
}
