/**
 * Long-term record extraction from a conversation turn. AWS runs an LLM per
 * strategy; the emulator extracts deterministically so tests can predict the
 * records: a fact for SEMANTIC/CUSTOM, a topic summary for SUMMARIZATION and,
 * only when the user states one, a preference for USER_PREFERENCE.
 */
import type { Strategy } from './namespaces';

const PREFERENCE_CUE = /\b(i (?:really )?(?:prefer|like|want|need)|i'd rather|please (?:always|never)|always|never|from now on)\b/i;

/** Agents answer in markdown; extraction reads prose, not headings, tables or code. */
export function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(\||#|[-*_]{3,}\s*$)/.test(line))
    .map((line) =>
      line
        .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
        .replace(/[*_`]+/g, '')
        .trim(),
    )
    .filter((line) => /[a-z]{3}/i.test(line))
    .join(' ');
}

function firstSentence(text: string, max = 220): string {
  const clean = prose(text).replace(/\s+/g, ' ').trim();
  const match = /^(.+?[.!?])(\s|$)/.exec(clean);
  const sentence = match?.[1] ?? clean;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

/** A short title from the prompt's first words ("Investigate the latency spike" → "Investigate latency spike"). */
export function topicOf(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !/^(the|and|for|with|you|can|please|what|why|how|show)$/i.test(w))
    .slice(0, 4);
  const topic = words.join(' ');
  return topic ? topic[0]!.toUpperCase() + topic.slice(1) : 'Conversation';
}

/** The preference sentence, when the prompt states one. */
export function preferenceOf(prompt: string): string | undefined {
  const sentences = prompt.split(/(?<=[.!?])\s+/);
  const stated = sentences.find((s) => PREFERENCE_CUE.test(s));
  if (!stated) return undefined;
  const body = stated
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(/^(please\s+)/i, '')
    .replace(/^i (really )?(prefer|like|want|need)\s+/i, '');
  return `Prefers ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
}

export function userPreferenceText(context: string, preference: string, categories: string[]): string {
  return JSON.stringify({ context, preference, categories });
}

export function summaryText(topic: string, text: string): string {
  return `<topic name="${topic.replace(/"/g, "'")}">\n${text}\n</topic>`;
}

/** Record text for one strategy from one turn, or undefined when the strategy extracts nothing. */
export function extractRecord(strategy: Strategy, prompt: string, reply: string): string | undefined {
  switch (strategy.type) {
    case 'USER_PREFERENCE': {
      const pref = preferenceOf(prompt);
      return pref ? userPreferenceText(firstSentence(prompt, 160), pref, ['conversation']) : undefined;
    }
    case 'SUMMARIZATION':
      return summaryText(topicOf(prompt), `User asked: ${firstSentence(prompt, 160)} Agent answered: ${firstSentence(reply)}`);
    case 'SEMANTIC':
    case 'CUSTOM':
      return reply.trim() ? firstSentence(reply) : undefined;
  }
}
