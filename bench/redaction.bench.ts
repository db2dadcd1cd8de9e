/**
 * Presentation-mode redaction on a heavy log tail: 5,000 lines/s (one second of
 * the busiest tail the console shows), redacted one 60 fps frame's share at a time.
 * The screen has already named the sessions and users its fields show, as the
 * console does, so the text search for them is part of every frame.
 */
import { Pseudonyms, redactText } from '../src/shared/redaction';
import { percentile, type Bench } from './bench-types';
import { prng } from './text-corpus';

const LINES_PER_SECOND = 5_000;
const LINES_PER_FRAME = Math.ceil(LINES_PER_SECOND / 60);

function uuid(random: () => number): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

function logLines(count: number, random: () => number, sessions: readonly string[], accounts: readonly string[]): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ip = (): string => `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const time = (i: number): string => `2026-12-01T19:${String(i % 60).padStart(2, '0')}:07.${String(i % 1000).padStart(3, '0')}Z`;
  return Array.from({ length: count }, (_, i) => {
    const kind = random();
    if (kind < 0.35) return `INFO:     ${ip()}:${40000 + (i % 20000)} - "POST /invocations HTTP/1.1" 200 OK`;
    if (kind < 0.5) return `${time(i)} INFO agent.tools - tool get_order_status finished in ${Math.floor(random() * 900)} ms (attempt 1 of 3)`;
    if (kind < 0.8) {
      const arn = `arn:aws:bedrock-agentcore:us-east-1:${pick(accounts)}:runtime/payments_agent-Xy12AbCd9`;
      return JSON.stringify({
        timestamp: time(i),
        level: random() < 0.9 ? 'INFO' : 'ERROR',
        message: 'Invocation completed',
        sessionId: pick(sessions),
        requestId: uuid(random),
        agentRuntimeArn: arn,
        latencyMs: Math.floor(random() * 4000),
      });
    }
    return JSON.stringify({
      resource: { attributes: { 'service.name': 'payments_agent', 'cloud.account.id': pick(accounts), 'cloud.region': 'us-east-1' } },
      traceId: Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join(''),
      spanId: Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join(''),
      name: 'bedrock.invoke_model',
      attributes: { 'session.id': pick(sessions), 'gen_ai.usage.input_tokens': Math.floor(random() * 5000), 'server.address': ip() },
    });
  });
}

const bench: Bench = {
  name: 'presentation-mode redaction',
  async run() {
    const random = prng(11);
    const sessions = Array.from({ length: 200 }, (_, i) => (i % 2 ? `console-${uuid(random)}` : uuid(random)));
    const accounts = ['123456789012', '210987654321', '555566667777'];
    const names = new Pseudonyms();
    // What the fleet and session tables on screen would already have named.
    for (const session of sessions.slice(0, 50)) names.name('runtimeSession', session);
    for (let u = 0; u < 20; u++) names.name('user', `operator-${u}@corp.example.com`);
    const lines = logLines(LINES_PER_SECOND * 4, random, sessions, accounts);
    const bytes = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;

    for (const line of lines.slice(0, 2_000)) redactText(line, names); // warm the JIT and the pattern
    const frames: number[] = [];
    for (let at = 0; at + LINES_PER_FRAME <= lines.length; at += LINES_PER_FRAME) {
      const start = performance.now();
      for (let i = at; i < at + LINES_PER_FRAME; i++) redactText(lines[i] as string, names);
      frames.push(performance.now() - start);
    }
    frames.sort((a, b) => a - b);

    const t0 = performance.now();
    let redacted = 0;
    for (let round = 0; round < 3; round++) for (const line of lines) redacted += redactText(line, names).length;
    const seconds = (performance.now() - t0) / 1000;
    if (redacted === 0) throw new Error('nothing redacted');

    const p50 = percentile(frames, 50);
    const p95 = percentile(frames, 95);
    const rate = (lines.length * 3) / seconds;
    return [
      { metric: `mean line length`, value: Math.round(bytes), unit: 'chars' },
      { metric: `one frame (${LINES_PER_FRAME} lines) p50`, value: p50, unit: 'ms', target: '< 1', pass: p50 < 1 },
      { metric: `one frame (${LINES_PER_FRAME} lines) p95`, value: p95, unit: 'ms', target: '< 1', pass: p95 < 1 },
      {
        metric: 'throughput',
        value: Math.round(rate),
        unit: 'lines/s',
        target: `≥ ${LINES_PER_SECOND.toLocaleString('en-US')}`,
        pass: rate >= LINES_PER_SECOND,
      },
    ];
  },
};
export default bench;
