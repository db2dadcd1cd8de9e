/**
 * Strands-style streaming agents. `strandsEvents` forwards Bedrock
 * ConverseStream events as `{"event":{...}}` SSE frames; `tokenStream`
 * yields `{"data":"token"}` frames, as a BedrockAgentCoreApp generator does.
 */
import type { AgentBehaviour, AgentTurn, SseFrame } from './types';
import { json } from './types';
import { chunkTokens, estimateTokens, intentOf, topicOf } from '../text';

export const strandsEvents: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const text = researchBrief(t);
    const frames: SseFrame[] = [json({ event: { messageStart: { role: 'assistant' } } }, 4)];
    for (const chunk of chunkTokens(text, () => t.rng.next())) {
      frames.push(json({ event: { contentBlockDelta: { delta: { text: chunk }, contentBlockIndex: 0 } } }));
    }
    frames.push(json({ event: { contentBlockStop: { contentBlockIndex: 0 } } }));
    frames.push(json({ event: { messageStop: { stopReason: 'end_turn' } } }));
    const inputTokens = estimateTokens(t.prompt) + 420;
    const outputTokens = estimateTokens(text);
    frames.push(
      json({
        event: { metadata: { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, metrics: { latencyMs: frames.length * 27 } } },
      }),
    );
    return { kind: 'sse', frames, text };
  },
};

export const tokenStream: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const text = chatAnswer(t);
    const frames = chunkTokens(text, () => t.rng.next()).map((chunk) => json({ data: chunk }));
    return { kind: 'sse', frames, text };
  },
};

function researchBrief(t: AgentTurn): string {
  const topic = topicOf(t.prompt);
  return `## Research brief: ${topic}\n\n${t.rng.pick([
    `I searched ${t.rng.int(6, 14)} sources and found broad agreement on the main points.`,
    `Here is what the current literature and vendor documentation say.`,
    `Summary first, details and sources below.`,
  ])}\n\n### Key findings\n- **Adoption:** ${t.rng.int(30, 70)}% of surveyed teams already use it in production\n- **Main risk:** ${t.rng.pick(['cost overruns without usage limits', 'latency under burst load', 'vendor lock-in of proprietary APIs'])}\n- **Mitigation:** ${t.rng.pick(['set per-session budgets and alarms', 'cache frequent tool results', 'keep prompts and tools portable'])}\n\n### Comparison\n| Option | Strength | Watch out for |\n|---|---|---|\n| Managed service | Fast to start | Per-request pricing |\n| Self-hosted | Full control | Operational load |\n\n### Sources\n1. AWS documentation — *Amazon Bedrock AgentCore developer guide*\n2. Strands Agents SDK — *streaming events*\n3. Internal wiki — *${topic} decision record*`;
}

function chatAnswer(t: AgentTurn): string {
  const topic = topicOf(t.prompt);
  const intent = intentOf(t.prompt, [['code', /code|function|python|typescript|script|bug/i]], 'chat');
  if (intent === 'code') {
    return `Here's a small example for ${topic}:\n\n\`\`\`python\nimport boto3\n\nclient = boto3.client("bedrock-agentcore", region_name="${t.runtime.region}")\nresponse = client.invoke_agent_runtime(\n    agentRuntimeArn=AGENT_ARN,\n    runtimeSessionId=session_id,  # 33+ characters\n    payload=json.dumps({"prompt": prompt}),\n)\nfor line in response["response"].iter_lines():\n    print(line.decode())\n\`\`\`\n\nThe session id must be at least 33 characters, so a UUID4 works well.`;
  }
  return `${t.rng.pick(['Sure!', 'Good question.', 'Happy to help.'])} On ${topic}: ${t.rng.pick([
    'the short answer is that it depends on your traffic pattern, but a few rules of thumb hold.',
    'there are three things worth checking before anything else.',
    "here's how I'd approach it.",
  ])}\n\n1. **Measure first** — capture a baseline over a normal day\n2. **Change one thing at a time** and compare against the baseline\n3. **Automate the check** so regressions show up in CI\n\nWant me to go deeper on any of these?`;
}
