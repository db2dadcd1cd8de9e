import { describe, expect, it } from 'vitest';
import type { InvokeHarnessStreamOutput } from '@aws-sdk/client-bedrock-agentcore';
import { HarnessReplyBuilder } from './harness-reply';

const events = (...list: unknown[]) => list as InvokeHarnessStreamOutput[];

describe('a harness reply from its events', () => {
  it('streams text, closes reasoning and tool blocks into whole steps, and keeps usage', () => {
    const deltas: string[] = [];
    const b = new HarnessReplyBuilder({ onDelta: (text, steps) => deltas.push(text || steps.map((s) => s.kind).join(',')) });
    for (const e of events(
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Check the pods ' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'first.' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't1', name: 'get_pod_status' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"ns":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"prod"}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
      { messageStart: { role: 'user' } },
      { contentBlockStart: { contentBlockIndex: 0, start: { toolResult: { toolUseId: 't1', status: 'success' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolResult: [{ json: { ready: 3 } }] } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'tool_result' } },
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'All ' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'healthy.' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: { usage: { inputTokens: 120, outputTokens: 30, totalTokens: 150 }, metrics: { latencyMs: 840 } } },
    ))
      b.push(e);
    const built = b.end();
    expect(built.text).toBe('All healthy.');
    expect(built.steps).toEqual([
      { kind: 'reasoning', title: 'Reasoning', detail: 'Check the pods first.' },
      { kind: 'tool_use', title: 'Calling get_pod_status', detail: '{"ns":"prod"}' },
      { kind: 'tool_result', title: 'get_pod_status returned', detail: '{"ready":3}' },
    ]);
    expect(built.usage).toEqual({ inputTokens: 120, outputTokens: 30, totalTokens: 150 });
    expect(built.serverLatencyMs).toBe(840);
    expect(built.stopReason).toBe('end_turn');
    expect(b.cutShort).toBe(false);
    expect(deltas).toEqual(['reasoning', 'tool_use', 'tool_result', 'All ', 'healthy.']);
  });

  it('shows an unknown event raw and goes on, and knows a stream cut inside a message', () => {
    const b = new HarnessReplyBuilder();
    for (const e of events(
      { messageStart: { role: 'assistant' } },
      { $unknown: ['citationDelta', { source: 'kb://runbook' }] },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Partial' } } },
    ))
      b.push(e);
    const built = b.end();
    expect(built.steps[0]).toMatchObject({ kind: 'unknown_event', title: 'Unknown event citationDelta' });
    expect(built.steps[0]!.detail).toContain('kb://runbook');
    expect(built.text).toBe('Partial');
    expect(b.cutShort).toBe(true);
  });
});
