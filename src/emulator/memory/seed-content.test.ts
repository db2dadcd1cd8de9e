import { describe, expect, it } from 'vitest';
import { themeFor } from './seed-content';

describe('themeFor', () => {
  it('matches the demo fleet memories to fitting content', () => {
    expect(themeFor('sre_agent_memory').actors.map((a) => a.actorId)).toEqual(['alice', 'carol']);
    expect(themeFor('coach_companion_memory').name).toBe('coach');
    expect(themeFor('llmops_conversations').name).toBe('llmops');
    expect(themeFor('research_notes_memory').name).toBe('assistant');
  });
});
