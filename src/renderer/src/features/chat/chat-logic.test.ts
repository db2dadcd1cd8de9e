import { describe, expect, it, vi } from 'vitest';
import type { ChatSession } from '../../../../shared/chat';
import { createFrameBatcher } from '../../lib/frame-batcher';
import { formatBytes, formatDuration, latencyVerdict, metricItems } from './format-metrics';
import { splitMarkdownBlocks } from './markdown-blocks';
import { checkJson, checkTemplate, previewTemplate } from './payload';
import { describeRuntimeSessionId, sessionMeta, sortSessions } from './session-order';
import { splitSnippet, snippetText } from './snippet';
import { safeFilename } from '../../lib/download';

describe('frame batcher', () => {
  it('delivers everything pushed before a frame in one batch, and schedules once per frame', () => {
    const frames: Array<() => void> = [];
    const deliver = vi.fn();
    const batcher = createFrameBatcher<number>(deliver, (run) => {
      frames.push(run);
      return () => undefined;
    });
    for (let i = 0; i < 1000; i++) batcher.push(i);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver.mock.calls[0]?.[0]).toHaveLength(1000);
    batcher.push(1);
    expect(frames).toHaveLength(2);
  });

  it('flushes on demand and cancels the pending frame', () => {
    const cancel = vi.fn();
    const deliver = vi.fn();
    const batcher = createFrameBatcher<string>(deliver, () => cancel);
    batcher.push('a');
    batcher.flush();
    expect(deliver).toHaveBeenCalledWith(['a']);
    expect(cancel).toHaveBeenCalled();
    batcher.flush();
    expect(deliver).toHaveBeenCalledTimes(1);
  });
});

describe('snippet highlighting', () => {
  it('splits on U+E000/U+E001 into plain and matched parts', () => {
    expect(splitSnippet('a \uE000cold\uE001 start \uE000x\uE001')).toEqual([
      { text: 'a ', match: false },
      { text: 'cold', match: true },
      { text: ' start ', match: false },
      { text: 'x', match: true },
    ]);
  });
  it('keeps markup-looking text as text and drops stray markers', () => {
    expect(splitSnippet('<b>\uE001x\uE000y')).toEqual([
      { text: '<b>x', match: false },
      { text: 'y', match: true },
    ]);
    expect(snippetText('\uE000a\uE001b')).toBe('ab');
    expect(splitSnippet('')).toEqual([]);
  });
});

describe('metrics formatting', () => {
  it('formats durations and sizes', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(26_140)).toBe('26.1 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
  it('lists only the metrics that exist and names cold starts', () => {
    const items = metricItems({ bytes: 2048, chunks: 1200, coldStart: true, ttfbMs: 26_000, httpStatus: 200 });
    expect(items.map((i) => i.key)).toEqual(['status', 'ttfb', 'bytes', 'chunks']);
    expect(items.find((i) => i.key === 'chunks')?.value).toBe('1,200');
    expect(latencyVerdict({ bytes: 10, chunks: 1, coldStart: true, ttfbMs: 24_000 })).toBe('cold');
    expect(latencyVerdict({ bytes: 0, chunks: 0, coldStart: true, totalMs: 61, httpStatus: 403 })).toBe('normal');
    expect(latencyVerdict({ bytes: 0, chunks: 0, coldStart: false, ttfbMs: 12_000 })).toBe('slow');
  });
});

describe('markdown blocks', () => {
  it('splits at blank lines but never inside a code fence', () => {
    const text = '# Title\n\npara one\nline two\n\n```js\na\n\nb\n```\n\n- x\n- y';
    expect(splitMarkdownBlocks(text)).toEqual(['# Title', 'para one\nline two', '```js\na\n\nb\n```', '- x\n- y']);
  });
  it('keeps an unterminated fence (still streaming) as one block', () => {
    expect(splitMarkdownBlocks('intro\n\n```\ncode\n\nmore')).toEqual(['intro', '```\ncode\n\nmore']);
  });
});

describe('payload', () => {
  it('previews the template with a JSON-escaped prompt', () => {
    expect(previewTemplate('{"input":{"prompt":"{{prompt}}"}}', 'say "hi"\n')).toBe('{"input":{"prompt":"say \\"hi\\"\\n"}}');
  });
  it('checks raw JSON and templates', () => {
    expect(checkJson('{"a":1}').ok).toBe(true);
    expect(checkJson('{a:1}').ok).toBe(false);
    expect(checkJson('  ').message).toMatch(/Enter a JSON body/);
    expect(checkTemplate('{"prompt": "{{prompt}}"}').ok).toBe(true);
    expect(checkTemplate('{"prompt": "x"}').message).toMatch(/\{\{prompt\}\}/);
    expect(checkTemplate('{"prompt": {{prompt}}}').ok).toBe(false);
  });
});

describe('sessions', () => {
  const base: ChatSession = {
    id: 'a',
    agentKey: 'p|us-east-1|runtime|r',
    agentName: 'n',
    qualifier: 'DEFAULT',
    runtimeSessionId: 'x'.repeat(40),
    title: 'A',
    pinned: false,
    createdAt: 0,
    lastActivityAt: 0,
    messageCount: 1,
    ended: false,
  };
  it('puts pinned sessions first, then the most recent', () => {
    const sorted = sortSessions([
      { ...base, id: 'old', lastActivityAt: 1 },
      { ...base, id: 'new', lastActivityAt: 5 },
      { ...base, id: 'pinned', pinned: true, lastActivityAt: 0 },
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['pinned', 'new', 'old']);
  });
  it('describes activity, count and a non-default endpoint', () => {
    const now = 10 * 60_000;
    expect(sessionMeta({ ...base, lastActivityAt: now - 3 * 60_000, messageCount: 4, qualifier: 'prod' }, now)).toBe('3 min ago · 4 messages · prod');
    expect(sessionMeta({ ...base, lastActivityAt: now }, now)).toBe('just now · 1 message');
  });
  it('checks the runtime session id length AgentCore requires', () => {
    expect(describeRuntimeSessionId('a'.repeat(33))).toMatchObject({ length: 33, valid: true });
    expect(describeRuntimeSessionId('a'.repeat(32)).valid).toBe(false);
    expect(describeRuntimeSessionId('0123456789abcdef0123456789abcdef0123').tail).toBe('abcdef0123'.slice(2));
  });
  it('makes export filenames safe', () => {
    expect(safeFilename('../evil/na:me\u0007.md')).toBe('_evil_na_me_.md');
    expect(safeFilename('')).toBe('export');
  });
});

describe('markdown tables', () => {
  it('cuts a heading and a pipe table into segments with alignment', async () => {
    const { segmentTables } = await import('./markdown-tables');
    const segments = segmentTables('### Pods\n| Pod | Restarts |\n|---|--:|\n| a \\| b | 9 |\n| c |');
    expect(segments).toEqual([
      { kind: 'markdown', text: '### Pods' },
      {
        kind: 'table',
        header: ['Pod', 'Restarts'],
        align: [null, 'right'],
        rows: [
          ['a | b', '9'],
          ['c', ''],
        ],
      },
    ]);
  });
  it('leaves pipes that are not a table alone', async () => {
    const { segmentTables } = await import('./markdown-tables');
    expect(segmentTables('a | b\nno separator')).toEqual([{ kind: 'markdown', text: 'a | b\nno separator' }]);
  });
});
