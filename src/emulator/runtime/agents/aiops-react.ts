/**
 * The AgenticAIOps ReAct agent (seed 003): streams typed SSE events —
 * `agent_thinking` (reasoning), `workflow_step` (progress), `jobs_launched`
 * and finally `conversational_response` with the markdown answer.
 */
import type { AgentBehaviour, AgentTurn, SseFrame } from './types';
import { json } from './types';
import { topicOf } from '../text';

const STEPS = [
  ['dataset_discovery', 'Discovering and validating the dataset'],
  ['model_selection', 'Selecting a model architecture within budget'],
  ['infrastructure', 'Provisioning cost-effective GPU capacity'],
  ['training_launch', 'Launching SageMaker training with LoRA'],
] as const;

export const aiopsReact: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const frames: SseFrame[] = [];
    const topic = topicOf(t.prompt);
    const budget = /\$(\d+)/.exec(t.prompt)?.[1] ?? String(t.rng.int(8, 25));
    frames.push(json({ type: 'agent_thinking', content: `Understanding the request: "${topic}". Budget $${budget}.`, iteration: 1 }, 6));
    STEPS.forEach(([step, label], i) => {
      frames.push(json({ type: 'workflow_step', step, status: 'in_progress', message: label, progress: i / STEPS.length }, 3));
      frames.push(json({ type: 'agent_thinking', content: thought(t, step), iteration: i + 2 }, 8));
      frames.push(json({ type: 'workflow_step', step, status: 'completed', message: label, progress: (i + 1) / STEPS.length }, 4));
    });
    const job = `llmops-${t.rng.chars(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    const instance = t.rng.pick(['ml.g5.xlarge', 'ml.g5.2xlarge', 'ml.p3.2xlarge']);
    frames.push(json({ type: 'jobs_launched', jobs: [{ job_name: job, instance_type: instance, status: 'training' }] }, 2));
    const text = answer(t, topic, budget, job, instance);
    frames.push(json({ type: 'conversational_response', content: text, metadata: { workflow_steps: STEPS.map(([s]) => s), session_id: t.sessionId } }, 4));
    return { kind: 'sse', frames, text };
  },
};

function thought(t: AgentTurn, step: string): string {
  switch (step) {
    case 'dataset_discovery':
      return `Thought: I need the dataset schema first. Action: inspect_dataset. Observation: ${t.rng.int(8, 60)}k labelled rows, ${t.rng.int(3, 12)} classes, no missing labels.`;
    case 'model_selection':
      return `Thought: a ${t.rng.pick(['DeBERTa-v3-base', 'RoBERTa-base', 'DistilBERT'])} fine-tune fits the budget. Action: estimate_cost. Observation: ~$${t.rng.int(2, 6)}.${t.rng.int(10, 99)} for 3 epochs.`;
    case 'infrastructure':
      return `Thought: spot capacity saves ~70%. Action: check_spot_availability. Observation: capacity available in ${t.rng.pick(['us-east-1a', 'us-east-1c', 'us-east-1d'])}.`;
    default:
      return 'Thought: ready to train with early stopping on validation F1. Action: launch_training_job.';
  }
}

function answer(t: AgentTurn, topic: string, budget: string, job: string, instance: string): string {
  const f1 = (84 + t.rng.next() * 6).toFixed(1);
  const cost = (2 + t.rng.next() * 4).toFixed(2);
  return `### ✅ Training launched for ${topic}\n\n| Item | Value |\n|---|---|\n| Job | \`${job}\` |\n| Instance | ${instance} (spot) |\n| Estimated cost | $${cost} of $${budget} budget |\n| Expected F1 | ${f1}% |\n| ETA | ${t.rng.int(25, 55)} minutes |\n\nI'll stop the job automatically if the cost reaches the budget. Ask **"status of ${job}"** any time.`;
}
