/**
 * One board refresh: resolve the selection, read every (profile, region)
 * cell's figures in one batched GetMetricData (cells side by side; one that
 * fails — throttled, denied — becomes a notice and its tiles show no
 * figures), record SLO breaches from the per-minute error rate and p99 as the
 * metrics view does, keep the failing ones for a "failing" board, then add
 * the last error lines and cold starts and judge each tile.
 */
import { ApiError } from '../../../shared/errors';
import type { FleetResource } from '../../../shared/fleet';
import type { BoardFrame, BoardSelection, BoardTile } from '../../../shared/warroom';
import { DELETED_STATUS, lastKnownName } from '../fleet/status-history';
import { sloBreaches } from '../metrics/breaches';
import { fetchMetrics, newTally, tallyNotices } from '../metrics/metric-fetch';
import { boardQueries, boardWindow, figuresOf, MINUTE_MS, WINDOW_MINUTES, type AgentFigures } from './board-figures';
import { mergeReadNotices, type ReadNotice } from './error-lines';
import { candidatesOf, deletedIdentity, isFailing } from './selection';
import { byUrgency, judgeHealth } from './tile-health';
import type { WarRoomDeps } from './warroom-deps';

export type BoardDeps = Pick<WarRoomDeps, 'db' | 'fleet' | 'targets' | 'slo' | 'backoff' | 'chat' | 'lastErrors' | 'loadActivity' | 'clock' | 'logWaitMs'>;

export interface BoardResult {
  frame: Omit<BoardFrame, 'nextRefreshAt'>;
  /** GetMetricData calls this refresh made (retries included). */
  calls: number;
}

type Notice = BoardFrame['notices'][number];

const cellOf = (r: { profile: string; region: string }) => `${r.profile}|${r.region}`;

async function readCells(deps: BoardDeps, runtimes: FleetResource[], open: ReadonlyMap<string, unknown>, notices: Notice[]) {
  const cells = new Map<string, FleetResource[]>();
  for (const r of runtimes) cells.set(cellOf(r), [...(cells.get(cellOf(r)) ?? []), r]);
  const tally = newTally();
  const figures = new Map<string, AgentFigures | null>();
  await Promise.all(
    [...cells].map(async ([cell, list]) => {
      const [profile, region] = cell.split('|') as [string, string];
      const { client, now } = deps.targets.forCell(profile, region);
      const window = boardWindow(now());
      try {
        const data = await fetchMetrics(client, { startTime: window.start, endTime: window.end }, boardQueries(list), deps.backoff, tally);
        deps.db.transaction(() => {
          for (const r of list) {
            const f = figuresOf(data, r, window);
            figures.set(r.key, f);
            const runs = sloBreaches(f.errorRatePoints, f.p99Points, deps.slo.get(r.key), MINUTE_MS, true);
            // Nothing to merge and nothing open to close: a healthy agent costs no write.
            if (runs.length > 0 || open.has(r.key)) deps.slo.record(r.key, runs, window.start, true);
          }
        })();
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError('aws_error', String(error));
        notices.push({ code: 'aws_error', message: `${profile} / ${region}: ${e.message} Its agents show no figures.` });
        for (const r of list) figures.set(r.key, null);
      }
    }),
  );
  notices.push(...tallyNotices(tally));
  return { figures, calls: tally.calls };
}

async function coldStartsOf(deps: BoardDeps, keys: string[], from: number, to: number, notices: Notice[]): Promise<Map<string, number>> {
  const counts = deps.chat.coldStarts(from, to);
  const out = new Map(keys.map((k) => [k, counts.get(k) ?? 0]));
  if (!deps.loadActivity) return out;
  try {
    const load = await Promise.all(keys.map(async (k) => [k, await deps.loadActivity!.coldStarts(k, from, to)] as const));
    for (const [k, n] of load) out.set(k, (out.get(k) ?? 0) + n);
  } catch (error) {
    notices.push({ code: 'loadtest_error', message: `Load-test cold starts could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
  return out;
}

/** Each agent's open breach, the newest if it has two kinds open. */
function openBreaches(deps: BoardDeps): Map<string, NonNullable<BoardTile['breach']>> {
  const open = new Map<string, NonNullable<BoardTile['breach']>>();
  for (const b of deps.slo.list({ since: Number.MAX_SAFE_INTEGER }))
    if (!open.has(b.agentKey)) open.set(b.agentKey, { kind: b.kind, since: b.startedAt, worst: b.worst, threshold: b.threshold });
  return open;
}

export async function computeBoard(deps: BoardDeps, selection: BoardSelection): Promise<BoardResult> {
  const at = deps.clock();
  const notices: Notice[] = [];
  const candidates = candidatesOf(selection, deps.fleet.snapshot().resources);
  const { figures, calls } = await readCells(deps, candidates.runtimes, openBreaches(deps), notices);
  const open = openBreaches(deps);

  const shown = candidates.runtimes.filter(
    (r) => selection.kind !== 'failing' || isFailing(r, figures.get(r.key)?.errorRatePct ?? null, deps.slo.get(r.key), open.has(r.key)),
  );
  const window = boardWindow(at);
  const [errors, cold] = await Promise.all([
    deps.lastErrors.lookup(shown, at, deps.logWaitMs),
    coldStartsOf(
      deps,
      shown.map((r) => r.key),
      window.start,
      window.end,
      notices,
    ),
  ]);
  const readNotices: ReadNotice[] = [];
  const tiles: BoardTile[] = shown.map((r) => {
    const f = figures.get(r.key) ?? null;
    const slo = deps.slo.get(r.key);
    const breach = open.get(r.key) ?? null;
    const logs = errors.get(r.key);
    readNotices.push(...(logs?.notices ?? []));
    return {
      agentKey: r.key,
      name: r.name,
      profile: r.profile,
      region: r.region,
      status: r.status,
      ...judgeHealth({ status: r.status, deleted: false, ...(r.failureReason ? { failureReason: r.failureReason } : {}), figures: f, slo, breach }),
      invocationsPerMin: f?.invocationsPerMin ?? null,
      errorRatePct: f?.errorRatePct ?? null,
      p99Ms: f?.p99Ms ?? null,
      p99Sparkline: f?.p99Sparkline ?? Array.from({ length: WINDOW_MINUTES }, () => null),
      throttles: f?.throttles ?? null,
      coldStarts: cold.get(r.key) ?? null,
      slo,
      breach,
      lastError: logs?.lastError ?? null,
    };
  });
  for (const key of candidates.missing) tiles.push(deletedTile(deps, key));
  tiles.sort(byUrgency);
  notices.push(...mergeReadNotices(readNotices));
  return { frame: { at, windowMinutes: WINDOW_MINUTES, tiles, notices }, calls };
}

function deletedTile(deps: BoardDeps, key: string): BoardTile {
  return {
    agentKey: key,
    ...deletedIdentity(key, lastKnownName(deps.db, key)),
    status: DELETED_STATUS,
    ...judgeHealth({ status: DELETED_STATUS, deleted: true, figures: null, slo: deps.slo.get(key), breach: null }),
    invocationsPerMin: null,
    errorRatePct: null,
    p99Ms: null,
    p99Sparkline: Array.from({ length: WINDOW_MINUTES }, () => null),
    throttles: null,
    coldStarts: null,
    slo: deps.slo.get(key),
    breach: null,
    lastError: null,
  };
}
