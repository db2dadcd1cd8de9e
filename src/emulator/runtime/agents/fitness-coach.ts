/**
 * The fitness-coach companion (seed 001): answers with the Bedrock Converse
 * message shape `{"response":{"role":"assistant","content":[{"text"}]}}`.
 */
import type { AgentBehaviour, AgentTurn } from './types';
import { intentOf, topicOf } from '../text';

type Intent = 'run' | 'strength' | 'recovery' | 'nutrition' | 'general';
const INTENTS: Array<[Intent, RegExp]> = [
  ['run', /run|marathon|5k|10k|jog|pace|cardio/i],
  ['strength', /strength|lift|squat|deadlift|gym|muscle|push/i],
  ['recovery', /sleep|rest|recover|sore|injur|tired|fatigue/i],
  ['nutrition', /eat|meal|protein|diet|nutrition|food|calorie/i],
];

export const fitnessCoach: AgentBehaviour = {
  jsonInput: true,
  reply(turn) {
    const text = render(turn);
    return { kind: 'json', body: { response: { role: 'assistant', content: [{ text }] } }, text };
  },
};

function render(t: AgentTurn): string {
  const intent = intentOf(t.prompt, INTENTS, 'general');
  const opener = t.rng.pick([
    `Great question about ${topicOf(t.prompt)}! 💪`,
    `Love that you're thinking about ${topicOf(t.prompt)}.`,
    t.turn > 1 ? `Picking up from our last check-in —` : `Let's build this together.`,
  ]);
  switch (intent) {
    case 'run':
      return `${opener} Here's a week that builds aerobic base without overdoing it:\n\n| Day | Session | Effort |\n|---|---|---|\n| Mon | Rest or mobility (20 min) | — |\n| Tue | ${t.rng.int(5, 8)} km easy | RPE 4 |\n| Wed | Intervals: 6 × 400 m, 90 s jog | RPE 8 |\n| Thu | ${t.rng.int(4, 6)} km recovery | RPE 3 |\n| Sat | Long run ${t.rng.int(12, 18)} km | RPE 5 |\n\n- Keep ~80% of your running **conversational**\n- Add no more than 10% weekly volume\n\nHow did your last long run feel?`;
    case 'strength':
      return `${opener} A full-body routine, 3× per week:\n\n1. **Goblet squat** — 3 × ${t.rng.int(8, 12)}\n2. **Romanian deadlift** — 3 × ${t.rng.int(8, 10)}\n3. **Push-ups** — 3 × AMRAP (stop 2 reps shy of failure)\n4. **One-arm row** — 3 × 10 each side\n5. **Plank** — 3 × 40 s\n\nProgress by adding one rep per set each week, then increase the load.`;
    case 'recovery':
      return `${opener} Recovery is where adaptation happens.\n\n- Aim for **7–9 hours** of sleep; a consistent bedtime matters more than the total\n- Swap tomorrow's session for a ${t.rng.int(20, 40)}-minute walk if soreness is above 6/10\n- Hydrate: ~${t.rng.int(30, 35)} ml per kg of body weight\n\n> If pain is sharp or localised, please check with a physiotherapist before training through it.`;
    case 'nutrition':
      return `${opener} A simple target for your training load:\n\n| Macro | Daily target |\n|---|---|\n| Protein | ${t.rng.int(120, 160)} g (≈1.6 g/kg) |\n| Carbs | ${t.rng.int(220, 320)} g, more on long-run days |\n| Fat | ${t.rng.int(60, 85)} g |\n\nTry a protein-rich snack within an hour of training — Greek yoghurt with berries works well.`;
    default:
      return `${opener} To tailor your plan I'd like to know:\n\n1. Your main goal for the next 8 weeks\n2. How many days a week you can train\n3. Any injuries I should plan around\n\nMeanwhile, a ${t.rng.int(20, 30)}-minute brisk walk today is a great start.`;
  }
}
