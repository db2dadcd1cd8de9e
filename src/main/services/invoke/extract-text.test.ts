import { describe, expect, it } from 'vitest';
import { extractJson, extractSseFrame, mentionsModelAccessIssue } from './extract-text';
import { ReplyBuilder } from './reply-builder';

const enc = new TextEncoder();
function build(contentType: string | undefined, body: string | Uint8Array): ReturnType<ReplyBuilder['end']> {
  const builder = new ReplyBuilder(contentType ? { contentType } : {});
  builder.push(typeof body === 'string' ? enc.encode(body) : body);
  return builder.end();
}

describe('extractJson: every response shape in docs/WIRE.md', () => {
  it.each([
    ['Converse message', { response: { role: 'assistant', content: [{ text: 'Hello ' }, { text: 'there' }] } }, 'Hello there'],
    ['output.message', { output: { message: 'from output', timestamp: 'x' } }, 'from output'],
    ['result', { result: '## Report', error: 'ignored' }, '## Report'],
    ['bare string', 'just a string', 'just a string'],
    ['data token', { data: 'tok' }, 'tok'],
    ['Strands delta', { event: { contentBlockDelta: { delta: { text: 'Δ' }, contentBlockIndex: 0 } } }, 'Δ'],
    ['typed answer', { type: 'conversational_response', content: '**done**' }, '**done**'],
    ['OpenAI-style chunk', { choices: [{ delta: { content: 'hi' } }] }, 'hi'],
  ])('%s', (_name, value, text) => {
    expect(extractJson(value)).toMatchObject({ text, known: true });
  });

  it('turns non-answer typed events into steps', () => {
    expect(extractJson({ type: 'agent_thinking', content: 'Thought: check pods' })).toEqual({
      text: '',
      known: true,
      step: { kind: 'agent_thinking', title: 'Thinking', detail: 'Thought: check pods' },
    });
    expect(extractJson({ type: 'workflow_step', step: 'dataset_discovery', status: 'completed', message: 'Discovering the dataset' }).step).toEqual({
      kind: 'workflow_step',
      title: 'Discovering the dataset — Completed',
    });
    expect(extractJson({ type: 'tool_use', name: 'get_pod_status', input: { ns: 'prod' } }).step).toMatchObject({
      kind: 'tool_use',
      title: 'Tool use: get_pod_status',
    });
  });

  it('keeps Strands bookkeeping events silent and reports unknown JSON as unknown', () => {
    expect(extractJson({ event: { messageStop: { stopReason: 'end_turn' } } })).toEqual({ text: '', known: true });
    expect(extractJson({ foo: 1 })).toEqual({ text: '', known: false });
  });

  it('treats SSE data that is not JSON as literal text, and unknown JSON events as visible steps', () => {
    expect(extractSseFrame('plain token ')).toEqual({ text: 'plain token ', known: true });
    expect(extractSseFrame('{"weird":true}').step).toMatchObject({ kind: 'event', detail: '{\n  "weird": true\n}' });
    expect(extractSseFrame('{not json')).toEqual({ text: '{not json', known: true });
  });

  it('spots model-access failures reported inside a reply', () => {
    expect(mentionsModelAccessIssue("botocore.errorfactory.AccessDeniedException: You don't have access to the model with the specified model ID.")).toBe(true);
    expect(mentionsModelAccessIssue('Bedrock models need model access enabled in the account.')).toBe(false);
  });
});

describe('ReplyBuilder', () => {
  it('reads an SSE stream of typed events into answer text plus steps', () => {
    const body = [
      '{"type":"agent_thinking","content":"hm"}',
      '{"type":"workflow_step","step":"a","status":"in_progress"}',
      '{"type":"conversational_response","content":"Answer"}',
    ]
      .map((d) => `data: ${d}\n\n`)
      .join('');
    const reply = build('text/event-stream', body);
    expect(reply.text).toBe('Answer');
    expect(reply.steps.map((s) => s.kind)).toEqual(['agent_thinking', 'workflow_step']);
  });

  it('shows unknown JSON as pretty JSON', () => {
    expect(build('application/json', '{"answer_v2":{"x":1}}')).toMatchObject({ format: 'json', text: '{\n  "answer_v2": {\n    "x": 1\n  }\n}' });
  });

  it('sniffs JSON and text when the content type says nothing', () => {
    expect(build('application/octet-stream', '  {"result":"ok"}').text).toBe('ok');
    expect(build(undefined, 'hello world').text).toBe('hello world');
    expect(build('application/json', '{"data":"a"}\n{"data":"b"}\n').text).toBe('ab');
  });

  it('streams plain text as it arrives', () => {
    const seen: string[] = [];
    const builder = new ReplyBuilder({ contentType: 'text/plain', onDelta: (t) => seen.push(t) });
    builder.push(enc.encode('one '));
    builder.push(enc.encode('two'));
    expect(seen).toEqual(['one ', 'two']);
    expect(builder.end()).toMatchObject({ text: 'one two', format: 'text' });
  });

  it('replaces binary bodies with a placeholder and a hex excerpt', () => {
    const reply = build('application/octet-stream', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(reply.text).toMatch(/^\[Binary response: 6 bytes of application\/octet-stream/);
    expect(reply.raw).toBe('89 50 4e 47 00 01');
  });

  it('caps the raw copy but keeps the full text', () => {
    const builder = new ReplyBuilder({ contentType: 'text/plain', rawCapChars: 10 });
    builder.push(enc.encode('x'.repeat(25)));
    expect(builder.end()).toMatchObject({ text: 'x'.repeat(25), raw: 'x'.repeat(10), rawTruncated: true });
  });

  it('flags a model-access error in a JSON error field even when the text does not say it', () => {
    expect(
      build(
        'application/json',
        JSON.stringify({ result: 'Sorry, failed.', error: "AccessDeniedException: You don't have access to the model with the specified model ID." }),
      ).modelAccessIssue,
    ).toBe(true);
  });
});
