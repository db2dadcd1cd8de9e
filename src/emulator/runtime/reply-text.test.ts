import { describe, expect, it } from 'vitest';
import { textFromJson, textFromSse } from './reply-text';
import { chunkTokens, extractPrompt } from './text';

describe('reply text', () => {
  it('reads every JSON reply shape seen from real agents', () => {
    expect(textFromJson({ response: { role: 'assistant', content: [{ text: 'a' }, { text: 'b' }] } })).toBe('ab');
    expect(textFromJson({ output: { message: 'm' } })).toBe('m');
    expect(textFromJson({ result: 'r' })).toBe('r');
    expect(textFromJson('bare')).toBe('bare');
  });

  it('concatenates SSE data frames, keeping only the answer of typed events', () => {
    const sse = [
      'data: {"data":"Hel"}',
      'data: "lo"',
      'data: {"event":{"contentBlockDelta":{"delta":{"text":" there"}}}}',
      'data: {"type":"agent_thinking","content":"hmm"}',
      'data: plain',
    ].join('\n\n');
    expect(textFromSse(sse)).toBe('Hello thereplain');
  });

  it('finds prompts in the payload shapes agents accept', () => {
    expect(extractPrompt({ prompt: 'p' })).toBe('p');
    expect(extractPrompt({ input: { prompt: 'ip' } })).toBe('ip');
    expect(extractPrompt({ messages: [{ role: 'user', content: [{ text: 'm' }] }] })).toBe('m');
    expect(extractPrompt(42)).toBeUndefined();
  });

  it('chunks text into pieces that concatenate back exactly', () => {
    const text = 'One two  three\nfour | five |\n\n```code```';
    let i = 0;
    expect(chunkTokens(text, () => (i++ % 3) / 3).join('')).toBe(text);
  });
});
