import { describe, expect, it } from 'vitest';
import { buildPayload, checkRawJson, PayloadError, renderTemplate, validateTemplate } from './payload';

const values = { prompt: 'Say "hi"\nthen \\ leave </script>', sessionId: 'console-' + 'a'.repeat(36), userId: 'alice' };

describe('payload templates', () => {
  it('escapes values inside JSON strings and quotes bare placeholders', () => {
    const out = renderTemplate('{"input": {"prompt": "{{prompt}}", "session": {{sessionId}}, "user": "{{ userId }}"}}', values);
    expect(JSON.parse(out)).toEqual({ input: { prompt: values.prompt, session: values.sessionId, user: 'alice' } });
  });

  it('defaults to {"prompt": …}', () => {
    expect(JSON.parse(buildPayload({ mode: 'template', prompt: 'hello' }, { sessionId: 's', userId: '' }))).toEqual({ prompt: 'hello' });
  });

  it('names an unknown placeholder', () => {
    expect(() => validateTemplate('{"prompt": "{{prompt}}", "actor": "{{actorId}}"}')).toThrow(/Unknown placeholder \{\{actorId\}\}/);
  });

  it('points at the line and column of a JSON mistake in a template or a raw body', () => {
    expect(() => validateTemplate('{\n  "prompt": "{{prompt}}",\n}')).toThrow(/line 3, column 1: trailing comma before \}/);
    expect(() => checkRawJson('{"a": 1,\n "b": }')).toThrow(/line 2, column 7/);
    expect(() => checkRawJson("{'a': 1}")).toThrow(/line 1, column 2/);
  });

  it('rejects an empty prompt with a validation error naming the prompt', () => {
    try {
      buildPayload({ mode: 'template', prompt: '   ' }, { sessionId: 's', userId: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadError);
      expect((error as PayloadError).field).toBe('prompt');
    }
  });

  it('sends raw JSON byte for byte', () => {
    const raw = '{ "input" : { "prompt" : "x" } }';
    expect(buildPayload({ mode: 'raw', prompt: '', raw }, { sessionId: 's', userId: '' })).toBe(raw);
  });
});
