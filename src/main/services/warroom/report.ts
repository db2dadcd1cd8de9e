/**
 * The Markdown incident report: title, start and end in UTC and local time
 * (both labelled), duration, the agents, the board's figures at start and at
 * end, the SLO breaches, the timeline and the notes with their authors.
 * Agent output, log lines and notes are untrusted text: in a table cell or a
 * heading they cannot break the table (pipes escaped), start a new line, or
 * carry raw HTML.
 */
import type { SloBreach } from '../../../shared/metrics';
import type { BoardTile, Incident, IncidentNote, IncidentReport, TimelineEvent } from '../../../shared/warroom';
import { duration, percent } from './tile-health';

export interface ReportInput {
  incident: Incident;
  startTiles: BoardTile[] | null;
  endTiles: BoardTile[] | null;
  /** "At end" for an ended incident; "Now (still open)" while it is open. */
  endLabel: string;
  breaches: SloBreach[];
  events: TimelineEvent[];
  notes: IncidentNote[];
  generatedAt: number;
  /** IANA zone for the local times; default this machine's. */
  timeZone?: string;
}

/** One line of untrusted text, safe in a table cell or a heading. */
export function inlineText(text: string): string {
  return text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
    .replace(/[[\]]/g, (m) => `\\${m}`)
    .trim();
}

/** A glance at the last error line; the logs view has the rest. */
const LAST_ERROR_CHARS = 200;

const utc = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 19);

function localClock(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return {
    at: (t: number) => format.format(new Date(t)),
    label: (t: number) =>
      `${timeZone}, ${(offset.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT').replace('GMT', 'UTC') || 'UTC'}`,
  };
}

export function spell(ms: number): string {
  if (ms < 60_000) return 'under a minute';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function reportFileName(incident: Pick<Incident, 'title' | 'startedAt'>): string {
  const slug = incident.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `incident-${new Date(incident.startedAt).toISOString().slice(0, 10)}-${slug || 'untitled'}.md`;
}

const figure = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));
const count = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function figuresTable(start: BoardTile[] | null, end: BoardTile[] | null, endLabel: string): string[] {
  const keys = [...new Set([...(start ?? []), ...(end ?? [])].map((t) => t.agentKey))];
  if (keys.length === 0) return ['No board figures were captured for this incident.'];
  const find = (list: BoardTile[] | null, key: string) => list?.find((t) => t.agentKey === key);
  const pair = (key: string, f: (t: BoardTile) => string) => {
    const a = find(start, key);
    const b = find(end, key);
    return `${a ? f(a) : '—'} → ${b ? f(b) : '—'}`;
  };
  const rows = keys.map((key) => {
    const any = (find(start, key) ?? find(end, key))!;
    const cells = [
      inlineText(any.name),
      pair(key, (t) => `${t.health} (${inlineText(t.status)})`),
      pair(key, (t) => figure(t.invocationsPerMin, count)),
      pair(key, (t) => figure(t.errorRatePct, percent)),
      pair(key, (t) => figure(t.p99Ms, duration)),
      pair(key, (t) => figure(t.throttles, count)),
      pair(key, (t) => figure(t.coldStarts, count)),
      (() => {
        const e = find(end, key)?.lastError ?? find(start, key)?.lastError;
        return e ? `${utc(e.at)} UTC: ${inlineText(e.message.length > LAST_ERROR_CHARS ? `${e.message.slice(0, LAST_ERROR_CHARS)}…` : e.message)}` : '—';
      })(),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `Each figure reads *at start → ${inlineText(endLabel).toLowerCase()}*, over the board's 30-minute window.`,
    '',
    '| Agent | Health (status) | Invocations/min | Error rate | p99 | Throttles | Cold starts | Last error line |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ];
}

export function renderReport(input: ReportInput): IncidentReport {
  const { incident } = input;
  const zone = input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const local = localClock(zone);
  const endAt = incident.endedAt ?? input.generatedAt;
  const names = new Map<string, string>();
  for (const t of [...(input.startTiles ?? []), ...(input.endTiles ?? [])]) names.set(t.agentKey, t.name);
  for (const e of input.events) if (e.agentKey && e.agentName && !names.has(e.agentKey)) names.set(e.agentKey, e.agentName);
  const nameOf = (key: string) => names.get(key) ?? key.split('|').pop() ?? key;

  const lines = [
    `# ${inlineText(incident.title)}`,
    '',
    'Incident report from the AgentCore Ops Console.',
    '',
    `| | UTC | Local time (${inlineText(local.label(incident.startedAt))}) |`,
    '|---|---|---|',
    `| Started | ${utc(incident.startedAt)} | ${local.at(incident.startedAt)} |`,
    incident.endedAt === null
      ? `| Ended | still open at ${utc(input.generatedAt)} | still open at ${local.at(input.generatedAt)} |`
      : `| Ended | ${utc(incident.endedAt)} | ${local.at(incident.endedAt)} |`,
    `| Duration | ${spell(endAt - incident.startedAt)}${incident.endedAt === null ? ' so far' : ''} | |`,
    '',
    '## Agents',
    '',
    ...(names.size === 0
      ? ['No agents were on the board.']
      : [...names].map(([key, name]) => `- ${inlineText(name)} (${inlineText(key.split('|').slice(0, 2).join(' / '))})`)),
    '',
    '## Figures at start and end',
    '',
    ...figuresTable(input.startTiles, input.endTiles, input.endLabel),
    '',
    '## SLO breaches',
    '',
    ...(input.breaches.length === 0
      ? ['None recorded during the incident.']
      : [
          '| Agent | SLO | Started (UTC) | Ended (UTC) | Worst | Threshold |',
          '|---|---|---|---|---|---|',
          ...input.breaches.map((b) => {
            const f = b.kind === 'errorRate' ? percent : duration;
            return `| ${inlineText(nameOf(b.agentKey))} | ${b.kind === 'errorRate' ? 'Error rate' : 'Latency p99'} | ${utc(b.startedAt)} | ${b.endedAt === undefined ? 'still open' : utc(b.endedAt)} | ${f(b.worst)} | ${f(b.threshold)} |`;
          }),
        ]),
    '',
    '## Timeline',
    '',
    ...(input.events.length === 0
      ? ['Nothing was recorded.']
      : [
          '| UTC | Local | Source | Event | Detail |',
          '|---|---|---|---|---|',
          ...input.events.map((e) => `| ${utc(e.at)} | ${local.at(e.at)} | ${e.source} | ${inlineText(e.title)} | ${inlineText(e.detail ?? '')} |`),
        ]),
    '',
    '## Notes',
    '',
    ...(input.notes.length === 0
      ? ['No notes were taken.']
      : input.notes.map((n) => `- **${inlineText(n.author)}**, ${utc(n.at)} UTC (${local.at(n.at)} local): ${inlineText(n.text)}`)),
    '',
    `Generated ${utc(input.generatedAt)} UTC (${local.at(input.generatedAt)} local).`,
    '',
  ];
  return { fileName: reportFileName(incident), markdown: lines.join('\n') };
}
