import { describe, expect, it } from 'vitest';
import { prettyRecordText, recordSnippet } from './record-text';

describe('record text', () => {
  it('reads a preference record as its sentence and context', () => {
    expect(recordSnippet('{"context":"Works from Berlin","preference":"Use UTC timestamps","categories":["formatting"]}')).toBe(
      'Use UTC timestamps — Works from Berlin',
    );
  });

  it('reads a summary as topic: text, and cuts long text to one line', () => {
    expect(recordSnippet('<topic name="Disk pressure">\nLog shipper\nfailed.\n</topic>')).toBe('Disk pressure: Log shipper failed.');
    expect(recordSnippet('word '.repeat(100), 20)).toHaveLength(20);
  });

  it('pretty-prints JSON content and leaves other text alone', () => {
    expect(prettyRecordText('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyRecordText('{not json')).toBe('{not json');
    expect(prettyRecordText('plain')).toBe('plain');
  });
});
