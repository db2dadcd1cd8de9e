import { describe, expect, it } from 'vitest';
import { parsePromptFile, promptSet, PromptSetError } from './prompt-set';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(PromptSetError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('prompt files', () => {
  it('reads one prompt per line, skipping blank lines and a BOM', () => {
    expect(parsePromptFile('p.txt', '\uFEFFfirst\r\n\nsecond line\n  \nthird')).toEqual(['first', 'second line', 'third']);
  });

  it('reads a JSON array of strings and JSONL of {"prompt"}', () => {
    expect(parsePromptFile('p.json', ' ["a", "b\\nc"]')).toEqual(['a', 'b\nc']);
    expect(parsePromptFile('p.jsonl', '{"prompt": "one"}\n\n{"prompt": "two", "tag": 1}\n')).toEqual(['one', 'two']);
  });

  it('refuses a malformed file, naming the line', () => {
    expect(refusal(() => parsePromptFile('p.jsonl', '{"prompt": "one"}\n{"prompt": }\n'))).toBe(
      'p.jsonl, line 2: not valid JSON. Each line of a JSONL prompt file is one object like {"prompt": "…"}.',
    );
    expect(refusal(() => parsePromptFile('p.jsonl', '{"prompt": "one"}\n{"text": "two"}'))).toBe('p.jsonl, line 2: the object has no "prompt" string.');
    expect(refusal(() => parsePromptFile('p.json', '["a",\n "b",\n ]'))).toMatch(
      /^p\.json starts like a JSON array but is not valid JSON \(line 3, column 2: /,
    );
    expect(refusal(() => parsePromptFile('p.json', '["a", 3]'))).toBe('p.json: item 2 of the JSON array is a number, not a string.');
  });
});

describe('prompt sets', () => {
  it('refuses a set with nothing to send', () => {
    expect(refusal(() => promptSet({ kind: 'list', prompts: [' ', '\n'] }))).toMatch(/^The prompt set is empty/);
    expect(refusal(() => promptSet({ kind: 'file', fileName: 'p.json', content: '[]' }))).toMatch(/^The prompt set is empty/);
  });

  it('fills a template from each variable in turn, over the longest list', () => {
    const prompts = promptSet({ kind: 'template', template: 'Order {{ id }} for {{city}}', variables: { id: ['1', '2', '3'], city: ['Oslo', 'Lima'] } });
    expect(prompts).toEqual(['Order 1 for Oslo', 'Order 2 for Lima', 'Order 3 for Oslo']);
  });

  it('refuses a template placeholder with no values', () => {
    expect(refusal(() => promptSet({ kind: 'template', template: 'Hi {{name}} {{city}}', variables: { name: ['a'] } }))).toBe(
      'The prompt template uses {{city}} but defines no values for it.',
    );
  });
});
