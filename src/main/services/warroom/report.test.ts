import { describe, expect, it } from 'vitest';
import type { BoardTile, Incident } from '../../../shared/warroom';
import { inlineText, renderReport, reportFileName, spell } from './report';

const START = Date.UTC(2026, 11, 1, 21, 40, 0);
const incident: Incident = {
  id: 3,
  title: 'Checkout | latency\n# not a heading',
  startedAt: START,
  endedAt: START + 72 * 60_000,
  selection: { kind: 'agents', agentKeys: ['p|us-east-1|runtime|checkout-ABCDEFGHIJ'] },
  startTiles: null,
};
const tile = (t: Partial<BoardTile>): BoardTile => ({
  agentKey: 'p|us-east-1|runtime|checkout-ABCDEFGHIJ',
  name: 'checkout',
  profile: 'p',
  region: 'us-east-1',
  status: 'READY',
  health: 'failing',
  reasons: [],
  invocationsPerMin: 12,
  errorRatePct: 12.5,
  p99Ms: 14_200,
  p99Sparkline: [],
  throttles: 2,
  coldStarts: 1,
  slo: { errorRatePct: 5, p99Ms: 10_000 },
  breach: null,
  lastError: { at: START - 60_000, message: 'Traceback | x\n  File "<agent>", line 1\r\n<script>alert(1)</script> [link](javascript:x) `code`' },
  ...t,
});

const report = () =>
  renderReport({
    incident,
    startTiles: [tile({})],
    endTiles: [tile({ health: 'ok', errorRatePct: 0.4, p99Ms: 900, lastError: null })],
    endLabel: 'At end',
    breaches: [
      {
        agentKey: incident.selection.kind === 'agents' ? incident.selection.agentKeys[0]! : '',
        kind: 'errorRate',
        startedAt: START - 120_000,
        endedAt: START + 30 * 60_000,
        worst: 31.25,
        threshold: 5,
      },
    ],
    events: [
      { id: 'a', at: START, source: 'incident', severity: 'info', title: 'Incident started' },
      { id: 'b', at: START + 60_000, source: 'logs', severity: 'error', title: 'checkout: 23 error lines in 3 min', detail: 'KeyError | "card"\nnext line' },
    ],
    notes: [{ id: 1, incidentId: 3, at: START + 5 * 60_000, author: 'dana | ops', text: 'rolled back\nto v3' }],
    generatedAt: START + 80 * 60_000,
    timeZone: 'America/New_York',
  });

describe('renderReport', () => {
  it('gives start and end in UTC and local time, labelled, and the duration', () => {
    const md = report().markdown;
    expect(md).toContain('| | UTC | Local time (America/New_York, UTC-05:00) |');
    expect(md).toContain('| Started | 2026-12-01 21:40:00 | 2026-12-01 16:40:00 |');
    expect(md).toContain('| Ended | 2026-12-01 22:52:00 | 2026-12-01 17:52:00 |');
    expect(md).toContain('| Duration | 1 h 12 min | |');
    expect(md).toContain('| 2026-12-01 21:41:00 | 2026-12-01 16:41:00 | logs | checkout: 23 error lines in 3 min | KeyError \\| "card" next line |');
    expect(md).toContain('- **dana \\| ops**, 2026-12-01 21:45:00 UTC (2026-12-01 16:45:00 local): rolled back to v3');
  });

  it('sets the figures at start beside those at end', () => {
    const md = report().markdown;
    expect(md).toMatch(
      /^\| checkout \| failing \(READY\) → ok \(READY\) \| 12 → 12 \| 12\.5 % → 0\.4 % \| 14\.2 s → 900 ms \| 2 → 2 \| 1 → 1 \| 2026-12-01 21:39:00 UTC: Traceback/m,
    );
    expect(md).toContain('| checkout | Error rate | 2026-12-01 21:38:00 | 2026-12-01 22:10:00 | 31.3 % | 5.0 % |');
  });

  it('keeps untrusted text from breaking tables, headings or lines, or carrying HTML and links', () => {
    const md = report().markdown;
    expect(md.split('\n')[0]).toBe('# Checkout \\| latency # not a heading');
    expect(md).not.toMatch(/<script>|\n\s*File "|[^\\]\]\(javascript/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\[link\\](javascript:x) \\`code\\`');
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = block.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
  });

  it('says an open incident is still open, and when nothing was captured', () => {
    const md = renderReport({
      incident: { ...incident, endedAt: null },
      startTiles: null,
      endTiles: null,
      endLabel: 'Now (still open)',
      breaches: [],
      events: [],
      notes: [],
      generatedAt: START + 30_000,
      timeZone: 'UTC',
    }).markdown;
    expect(md).toContain('| Ended | still open at 2026-12-01 21:40:30 | still open at 2026-12-01 21:40:30 |');
    expect(md).toContain('| Duration | under a minute so far | |');
    expect(md).toContain('No board figures were captured for this incident.');
    expect(md).toContain('No notes were taken.');
  });
});

describe('report names and text', () => {
  it('names the file after the UTC start date and the title', () => {
    expect(reportFileName({ title: 'Checkout latency', startedAt: START })).toBe('incident-2026-12-01-checkout-latency.md');
    expect(reportFileName({ title: 'Zürich: DB ../../etc/passwd ✨', startedAt: START })).toBe('incident-2026-12-01-zurich-db-etc-passwd.md');
    expect(reportFileName({ title: '✨✨', startedAt: START })).toBe('incident-2026-12-01-untitled.md');
    expect(reportFileName({ title: 'x'.repeat(200), startedAt: START })).toHaveLength('incident-2026-12-01-'.length + 60 + 3);
  });

  it('spells durations and escapes one line of text', () => {
    expect(spell(59 * 60_000)).toBe('59 min');
    expect(spell(125 * 60_000)).toBe('2 h 5 min');
    expect(inlineText('a|b\\|c\u2028d')).toBe('a\\|b\\\\\\|c d');
  });
});
