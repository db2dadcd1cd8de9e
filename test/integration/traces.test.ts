/**
 * Traces end to end through the real SDK against the emulator: a chat reply's
 * trace found by the id the invoke answered with, laid out as a tree of
 * model, tool and memory spans with tokens; recent, session and live lists;
 * token usage priced in the metrics view; StopRuntimeSession; and the bad
 * input — ingestion lag, a 10,000-span trace with orphans and malformed
 * records, Insights timing out or being cancelled.
 */
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TraceLookup } from '../../src/shared/traces';
import { startTracesModuleRig, type TracesModuleRig } from './helpers/traces-module-rig';

let rig: TracesModuleRig;
const SUPERVISOR = 'sre_supervisor';

beforeAll(async () => {
  rig = await startTracesModuleRig({ fast: true });
});
afterEach(() => {
  rig.emu.setInsightsMode({ mode: 'normal' });
  rig.emu.setSpanLag({ lagMs: 0, jitterMs: 0 });
});
afterAll(() => rig?.close());

async function chatTrace(): Promise<{ traceId: string; at: number; runtimeSessionId: string; sessionId: string }> {
  const { reply, runtimeSessionId, sessionId } = await rig.chatWith(SUPERVISOR, 'Why is checkout slow?');
  expect(reply.state).toBe('complete');
  const traceId = reply.metrics?.traceId;
  expect(traceId).toBeTruthy();
  return { traceId: traceId!, at: reply.createdAt, runtimeSessionId, sessionId };
}

describe('a chat reply’s trace', () => {
  it('is found by the trace id the invoke returned, as a tree of model, tool and memory spans with tokens', async () => {
    const { traceId, at, runtimeSessionId } = await chatTrace();
    const lookup = await rig.call('traces.get', { agentKey: rig.agentKey(SUPERVISOR), traceId, around: at });
    expect(lookup.state).toBe('found');
    const trace = lookup.trace!;
    expect(trace.sessionId).toBe(runtimeSessionId);
    const roots = trace.spans.filter((s) => s.depth === 0);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.orphan).toBe(false);
    expect(roots[0]!.critical).toBe(true);
    const categories = new Set(trace.spans.map((s) => s.category));
    for (const c of ['http', 'agent', 'model', 'tool', 'memory'] as const) expect(categories).toContain(c);
    const models = trace.spans.filter((s) => s.category === 'model');
    expect(models.every((s) => (s.inputTokens ?? 0) > 0 && (s.outputTokens ?? 0) > 0)).toBe(true);
    expect(trace.models.reduce((n, m) => n + m.inputTokens, 0)).toBe(models.reduce((n, s) => n + (s.inputTokens ?? 0), 0));
    // Children lie inside their parents, and display order is depth first.
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    for (const s of trace.spans) {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      if (parent) {
        expect(s.start).toBeGreaterThanOrEqual(parent.start);
        expect(s.end).toBeLessThanOrEqual(parent.end + 1e-3);
        expect(trace.spans.indexOf(s)).toBeGreaterThan(trace.spans.indexOf(parent));
      }
    }
    expect(trace.source).toBe('insights');
  });

  it('is pending while its spans are still being ingested, then found', async () => {
    rig.emu.setSpanLag({ lagMs: 1_200, jitterMs: 0 });
    const { traceId, at } = await chatTrace();
    const input = { agentKey: rig.agentKey(SUPERVISOR), traceId, around: at };
    const first = await rig.call('traces.get', input);
    expect(first.state).toBe('pending');
    expect(first.retryAfterMs).toBeGreaterThan(0);
    let later: TraceLookup = first;
    for (let i = 0; i < 40 && later.state !== 'found'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      later = await rig.call('traces.get', input);
    }
    expect(later.state).toBe('found');
  });

  it('is read with FilterLogEvents when Logs Insights times out, and says so', async () => {
    const { traceId, at } = await chatTrace();
    rig.emu.setInsightsMode({ mode: 'timeout' });
    const lookup = await rig.call('traces.get', { agentKey: rig.agentKey(SUPERVISOR), traceId, around: at });
    expect(lookup.state).toBe('found');
    expect(lookup.trace!.source).toBe('filter');
    expect(lookup.message).toMatch(/FilterLogEvents/);
    expect(lookup.trace!.spans.some((s) => s.category === 'model')).toBe(true);
  });

  it('says not found for an id no span has', async () => {
    const lookup = await rig.call('traces.get', { agentKey: rig.agentKey(SUPERVISOR), traceId: 'f'.repeat(32) });
    expect(lookup.state).toBe('not_found');
    expect(lookup.message).toMatch(/observability/);
  });
});

describe('lists of traces and sessions', () => {
  it('lists recent traces failed first, then slowest, and one session’s oldest first', async () => {
    const a = await chatTrace();
    const recent = await rig.call('traces.recent', { agentKey: rig.agentKey(SUPERVISOR), lastMs: 3_600_000 });
    expect(recent.traces.map((t) => t.traceId)).toContain(a.traceId.replace(/^1-|-/g, '').toLowerCase());
    const failedUntil = recent.traces.findIndex((t) => t.status !== 'error');
    const rest = recent.traces.slice(failedUntil === -1 ? recent.traces.length : failedUntil);
    expect(rest.every((t) => t.status !== 'error')).toBe(true);
    for (let i = 1; i < rest.length; i++) expect(rest[i - 1]!.durationMs).toBeGreaterThanOrEqual(rest[i]!.durationMs);

    const session = await rig.call('traces.session', { agentKey: rig.agentKey(SUPERVISOR), runtimeSessionId: a.runtimeSessionId });
    expect(session.traces.length).toBeGreaterThanOrEqual(1);
    expect(session.traces.every((t) => t.sessionId === a.runtimeSessionId)).toBe(true);
  });

  it('shows a live session seen in spans and in the console, and stops it through its chat', async () => {
    const a = await chatTrace();
    const live = await rig.call('traces.live', { minutes: 60 });
    const mine = live.sessions.find((s) => s.runtimeSessionId === a.runtimeSessionId);
    expect(mine?.seenIn).toEqual(['spans', 'console']);
    expect(mine?.agentKey).toBe(rig.agentKey(SUPERVISOR));
    expect(mine?.chatSessionId).toBe(a.sessionId);

    await rig.call('traces.stopSession', { agentKey: rig.agentKey(SUPERVISOR), runtimeSessionId: a.runtimeSessionId });
    expect(rig.chat.service.getSession(a.sessionId).session.ended).toBe(true);
    const after = await rig.call('traces.live', { minutes: 60 });
    expect(after.sessions.find((s) => s.runtimeSessionId === a.runtimeSessionId)?.seenIn ?? []).not.toContain('console');
  });
});

describe('token usage and model cost', () => {
  it('sums tokens per model and day, and the agent’s metrics price them', async () => {
    const { traceId, at } = await chatTrace();
    const trace = (await rig.call('traces.get', { agentKey: rig.agentKey(SUPERVISOR), traceId, around: at })).trace!;
    const now = Date.now();
    const usage = await rig.call('traces.usage', { agentKey: rig.agentKey(SUPERVISOR), startTime: now - 3_600_000, endTime: now + 60_000 });
    const model = trace.models[0]!;
    const day = usage.days.filter((d) => d.model === model.model);
    expect(day.reduce((n, d) => n + d.inputTokens, 0)).toBeGreaterThanOrEqual(model.inputTokens);

    const metrics = await rig.call('metrics.agent', { agentKey: rig.agentKey(SUPERVISOR), range: { preset: '1h' } });
    const lines = metrics.cost.lines.filter((l) => l.priceId.startsWith('model.'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.usd > 0 && /tokens/.test(l.formula))).toBe(true);
    expect(metrics.cost.notIncluded.some((n) => n.startsWith('Model cost not included'))).toBe(false);
  });
});

describe('bad input', () => {
  it('lays out a 10,000-span trace with orphans and malformed records around it', async () => {
    const big = rig.emu.appendTrace({ runtimeName: SUPERVISOR, spans: 10_000, orphans: 3, malformed: 5 });
    const lookup = await rig.call('traces.get', { agentKey: rig.agentKey(SUPERVISOR), traceId: big.traceId, around: big.startTime });
    expect(lookup.state).toBe('found');
    const trace = lookup.trace!;
    expect(trace.spans).toHaveLength(10_000);
    expect(trace.orphans).toBeGreaterThanOrEqual(3);
    expect(trace.spans.filter((s) => s.orphan).every((s) => s.depth === 0)).toBe(true);
  });

  it('says Transaction Search is not enabled where the region has no aws/spans group, for every read', async () => {
    const logs = rig.clients.logsClient('demo', 'us-east-1');
    await logs.send(new DeleteLogGroupCommand({ logGroupName: 'aws/spans' }));
    const agentKey = rig.agentKey(SUPERVISOR);
    const lookup = await rig.call('traces.get', { agentKey, traceId: 'a'.repeat(32) });
    expect(lookup.state).toBe('no_transaction_search');
    expect(lookup.message).toMatch(/Transaction Search/);
    const recent = await rig.call('traces.recent', { agentKey, lastMs: 3_600_000 });
    expect(recent.notices.map((n) => n.code)).toEqual(['no_transaction_search']);
    const live = await rig.call('traces.live', { minutes: 60 });
    expect(live.notices.map((n) => n.code)).toContain('no_transaction_search');
    const metrics = await rig.call('metrics.agent', { agentKey, range: { preset: '1h' } });
    expect(metrics.cost.notIncluded.some((n) => /Model cost not included: .*Transaction Search/.test(n))).toBe(true);
  });
});
