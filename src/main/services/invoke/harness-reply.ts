/**
 * Turns an InvokeHarness event stream, event by event, into chat text,
 * steps and a raw copy: text deltas stream as text; reasoning, tool use and
 * tool results become steps when their block closes (a step is whole, so a
 * collapsed reasoning block never shows half a sentence); the metadata event
 * gives token usage and the harness's own latency. An event the SDK does not
 * know arrives as `$unknown` and is shown raw as a step, never a crash; a
 * stream that ends without messageStop is reported as cut short.
 */
import type { InvokeHarnessStreamOutput } from '@aws-sdk/client-bedrock-agentcore';
import type { ChatStep } from '../../../shared/chat';
import type { BuiltReply } from './reply-builder';

export interface HarnessUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens?: number;
}

export interface BuiltHarnessReply extends BuiltReply {
  usage?: HarnessUsage;
  serverLatencyMs?: number;
  /** The last messageStop's reason; absent when the stream ended without one. */
  stopReason?: string;
}

interface OpenBlock {
  kind: 'text' | 'reasoning' | 'tool_use' | 'tool_result';
  title: string;
  detail: string;
}

const STEP_DETAIL_CAP = 20_000;

export class HarnessReplyBuilder {
  private text = '';
  private steps: ChatStep[] = [];
  private raw = '';
  private rawTruncated = false;
  private readonly blocks = new Map<number, OpenBlock>();
  private readonly toolNames = new Map<string, string>();
  private usage: HarnessUsage | undefined;
  private latency: number | undefined;
  private stopReason: string | undefined;
  /** messageStop closes a message; a tool-use turn is followed by more messages, so only the last one counts. */
  private open = false;

  constructor(private readonly options: { rawCapChars?: number; onDelta?: (text: string, steps: ChatStep[]) => void } = {}) {}

  /** The size the read loop counts for an event: its JSON, as it came over the wire give or take framing. */
  static sizeOf(event: InvokeHarnessStreamOutput): number {
    return JSON.stringify(event).length;
  }

  push(event: InvokeHarnessStreamOutput): void {
    this.keepRaw(event);
    let text = '';
    const steps: ChatStep[] = [];
    if (event.messageStart) {
      this.open = true;
      this.stopReason = undefined;
    } else if (event.contentBlockStart) {
      const { contentBlockIndex = 0, start } = event.contentBlockStart;
      if (start?.toolUse) {
        this.toolNames.set(start.toolUse.toolUseId ?? '', start.toolUse.name ?? 'tool');
        this.blocks.set(contentBlockIndex, { kind: 'tool_use', title: `Calling ${start.toolUse.name ?? 'a tool'}`, detail: '' });
      } else if (start?.toolResult) {
        const name = this.toolNames.get(start.toolResult.toolUseId ?? '') ?? 'tool';
        const failed = start.toolResult.status && start.toolResult.status !== 'success';
        this.blocks.set(contentBlockIndex, {
          kind: 'tool_result',
          title: `${name} ${failed ? `returned ${start.toolResult.status}` : 'returned'}`,
          detail: '',
        });
      }
    } else if (event.contentBlockDelta) {
      const { contentBlockIndex = 0, delta } = event.contentBlockDelta;
      if (delta?.text !== undefined) {
        text = delta.text;
        this.text += text;
      } else if (delta?.reasoningContent) {
        const block = this.block(contentBlockIndex, 'reasoning', 'Reasoning');
        block.detail += delta.reasoningContent.text ?? (delta.reasoningContent.redactedContent ? '[redacted by the model]' : '');
      } else if (delta?.toolUse) {
        this.block(contentBlockIndex, 'tool_use', 'Calling a tool').detail += delta.toolUse.input ?? '';
      } else if (delta?.toolResult) {
        const block = this.block(contentBlockIndex, 'tool_result', 'Tool result');
        for (const part of delta.toolResult) block.detail += part.text ?? (part.json !== undefined ? JSON.stringify(part.json) : '');
      } else if (delta?.$unknown) steps.push(unknownStep(`content delta ${delta.$unknown[0]}`, delta.$unknown[1]));
    } else if (event.contentBlockStop) {
      const index = event.contentBlockStop.contentBlockIndex ?? 0;
      const block = this.blocks.get(index);
      this.blocks.delete(index);
      if (block && block.kind !== 'text') steps.push(stepOf(block));
    } else if (event.messageStop) {
      this.open = false;
      this.stopReason = event.messageStop.stopReason;
    } else if (event.metadata) {
      const usage = event.metadata.usage;
      if (usage)
        this.usage = {
          inputTokens: usage.inputTokens ?? 0,
          outputTokens: usage.outputTokens ?? 0,
          ...(usage.totalTokens !== undefined ? { totalTokens: usage.totalTokens } : {}),
        };
      if (event.metadata.metrics?.latencyMs !== undefined) this.latency = event.metadata.metrics.latencyMs;
    } else if (event.hookEvent) {
      const hook = event.hookEvent;
      steps.push({
        kind: 'hook',
        title: `Hook ${hook.name ?? ''} (${hook.type ?? 'event'})${hook.decision ? `: ${hook.decision}` : ''}`,
        ...(hook.reason ? { detail: hook.reason } : {}),
      });
    } else if (event.$unknown) steps.push(unknownStep(`event ${event.$unknown[0]}`, event.$unknown[1]));
    this.steps.push(...steps);
    if (text || steps.length) this.options.onDelta?.(text, steps);
  }

  /** True when the stream ended inside a message (no messageStop after the last messageStart). */
  get cutShort(): boolean {
    return this.open;
  }

  end(): BuiltHarnessReply {
    // Blocks a cut stream left open still show what they had.
    for (const block of this.blocks.values()) if (block.kind !== 'text' && block.detail) this.steps.push(stepOf(block));
    this.blocks.clear();
    return {
      text: this.text,
      steps: this.steps,
      format: 'markdown',
      raw: this.raw,
      rawTruncated: this.rawTruncated,
      modelAccessIssue: false,
      ...(this.usage ? { usage: this.usage } : {}),
      ...(this.latency !== undefined ? { serverLatencyMs: this.latency } : {}),
      ...(this.stopReason ? { stopReason: this.stopReason } : {}),
    };
  }

  private block(index: number, kind: OpenBlock['kind'], title: string): OpenBlock {
    let block = this.blocks.get(index);
    if (!block) {
      block = { kind, title, detail: '' };
      this.blocks.set(index, block);
    }
    return block;
  }

  private keepRaw(event: InvokeHarnessStreamOutput): void {
    if (this.rawTruncated) return;
    const line = `${JSON.stringify(event)}\n`;
    const cap = this.options.rawCapChars ?? 1_000_000;
    if (this.raw.length + line.length > cap) {
      this.raw += line.slice(0, Math.max(0, cap - this.raw.length));
      this.rawTruncated = true;
    } else this.raw += line;
  }
}

function stepOf(block: OpenBlock): ChatStep {
  const detail =
    block.detail.length > STEP_DETAIL_CAP
      ? `${block.detail.slice(0, STEP_DETAIL_CAP)}… (${block.detail.length.toLocaleString('en-US')} characters)`
      : block.detail;
  return { kind: block.kind, title: block.title, ...(detail ? { detail } : {}) };
}

/** Shown raw: a newer service may send events this console does not know yet. */
function unknownStep(what: string, value: unknown): ChatStep {
  let detail: string;
  try {
    detail = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    detail = String(value);
  }
  return { kind: 'unknown_event', title: `Unknown ${what}`, detail: detail.slice(0, STEP_DETAIL_CAP) };
}
