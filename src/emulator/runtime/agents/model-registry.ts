/**
 * The model-registry agent (seed 002): expects `{"input":{"prompt"}}` and
 * answers `{"output":{"message"}}`. A payload in another shape gets the
 * agent's own hint back, like the real handler's fallback.
 */
import type { AgentBehaviour, AgentTurn } from './types';
import { intentOf } from '../text';

type Need = 'code' | 'fast' | 'vision' | 'reasoning' | 'general';
const NEEDS: Array<[Need, RegExp]> = [
  ['code', /code|coding|program|developer/i],
  ['fast', /fast|cheap|cost|latency|small/i],
  ['vision', /image|vision|multimodal|video|picture/i],
  ['reasoning', /reason|complex|analy|math|plan/i],
];

const TABLES: Record<Need, Array<[string, string, string, string]>> = {
  code: [
    ['Claude 4.5 Sonnet', 'bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'Best agentic coding ⭐'],
    ['qwen3-coder:30b', 'ollama', 'qwen3-coder:30b', 'Local coding specialist'],
    ['deepseek-coder:6.7b', 'ollama', 'deepseek-coder:6.7b', 'Runs on a laptop GPU'],
  ],
  fast: [
    ['Claude 3.5 Haiku', 'bedrock', 'us.anthropic.claude-3-5-haiku-20241022-v1:0', 'Fast and cost-effective ⭐'],
    ['Amazon Nova Micro', 'bedrock', 'amazon.nova-micro-v1:0', 'Ultra-fast, text only'],
    ['llama3.2:3b', 'ollama', 'llama3.2:3b', 'Tiny local model'],
  ],
  vision: [
    ['Amazon Nova Pro', 'bedrock', 'amazon.nova-pro-v1:0', 'Flagship multimodal ⭐'],
    ['llama3.2-vision:11b', 'ollama', 'llama3.2-vision:11b', 'Local multimodal'],
    ['Amazon Nova Canvas', 'bedrock', 'amazon.nova-canvas-v1:0', 'Image generation'],
  ],
  reasoning: [
    ['Claude 4.1 Opus', 'bedrock', 'anthropic.claude-opus-4-1-20250805-v1:0', 'Most capable for complex reasoning'],
    ['deepseek-r1:8b', 'ollama', 'deepseek-r1:8b', 'Open reasoning model'],
    ['phi4:14b', 'ollama', 'phi4:14b', 'Reasoning-focused, compact'],
  ],
  general: [
    ['Claude 4.5 Sonnet', 'bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'Recommended default ⭐'],
    ['Amazon Nova Lite', 'bedrock', 'amazon.nova-lite-v1:0', 'Lightweight multimodal'],
    ['qwen3:8b', 'ollama', 'qwen3:8b', 'Balanced local model'],
  ],
};

export const modelRegistry: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const input = (t.payload as { input?: { prompt?: unknown } } | null)?.input;
    const text =
      typeof input?.prompt === 'string'
        ? recommend(t, input.prompt)
        : 'I expect a payload like `{"input": {"prompt": "..."}}`. Try: `{"input": {"prompt": "Which model should I use for coding agents?"}}`';
    return { kind: 'json', body: { output: { message: text, timestamp: new Date(t.now).toISOString(), model: t.runtime.modelId } }, text };
  },
};

function recommend(t: AgentTurn, prompt: string): string {
  const need = intentOf(prompt, NEEDS, 'general');
  const rows = TABLES[need].map(([name, provider, id, note]) => `| ${name} | ${provider} | \`${id}\` | ${note} |`).join('\n');
  return `Out of **49 registered models**, these fit ${need === 'general' ? 'a general-purpose agent' : `a **${need}** workload`} best:\n\n| Model | Provider | Model ID | Why |\n|---|---|---|---|\n${rows}\n\n${t.rng.pick(
    [
      'Bedrock models need model access enabled in the account; Ollama models run locally.',
      'Tip: use a `us.` inference profile if the `global.` profile is denied in your account.',
      'All three support tool use; only the Bedrock ones work inside AgentCore Runtime without extra networking.',
    ],
  )}`;
}
