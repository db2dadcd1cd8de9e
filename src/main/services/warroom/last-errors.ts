/**
 * The newest error line of each agent on a board, read at most every 30 s
 * per agent whatever the boards' refresh (50 agents at 5 s would otherwise
 * be 10 FilterLogEvents a second), through a small concurrency limit shared
 * by every board and timeline. A frame waits a little for reads that are
 * due and shows what is known; a read that lands later shows next frame.
 */
import type { FleetResource } from '../../../shared/fleet';
import type { BoardTile } from '../../../shared/warroom';
import type { Limiter } from '../util/limiter';
import type { ErrorLineReader, ReadNotice } from './error-lines';
import { WINDOW_MINUTES, MINUTE_MS } from './board-figures';
import { pickErrorLine } from './error-summary';

export const LAST_ERROR_MAX_AGE_MS = 30_000;
/** Error lines on a tile are a glance, not a log view. */
const MESSAGE_CHARS = 500;

export interface LastErrorEntry {
  lastError: BoardTile['lastError'];
  notices: ReadNotice[];
}

interface Cached {
  readAt: number;
  entry?: LastErrorEntry;
  pending?: Promise<void>;
}

export class LastErrors {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly read: ErrorLineReader,
    private readonly limiter: Limiter,
    private readonly clock: () => number = Date.now,
    private readonly maxAgeMs = LAST_ERROR_MAX_AGE_MS,
  ) {}

  /** Starts the reads that are due, waits up to `waitMs` for them, and answers what is known per agent key. */
  async lookup(resources: readonly FleetResource[], now: number, waitMs: number): Promise<Map<string, LastErrorEntry>> {
    const due: Promise<void>[] = [];
    for (const r of resources) {
      const cached = this.cache.get(r.key) ?? { readAt: -Infinity };
      this.cache.set(r.key, cached);
      if (cached.pending) due.push(cached.pending);
      else if (this.clock() - cached.readAt >= this.maxAgeMs) {
        cached.pending = this.limiter
          .run(() => this.read(r, { startTime: now - WINDOW_MINUTES * MINUTE_MS, endTime: now + 5000 }))
          .then(
            ({ lines, notices }) => {
              const picked = pickErrorLine(lines);
              cached.entry = { lastError: picked ? { at: picked.at, message: picked.message.slice(0, MESSAGE_CHARS) } : null, notices };
            },
            (error: unknown) => {
              cached.entry = {
                lastError: null,
                notices: [{ code: 'logs_error', subject: r.name, message: error instanceof Error ? error.message : String(error) }],
              };
            },
          )
          .finally(() => {
            cached.readAt = this.clock();
            cached.pending = undefined;
          });
        due.push(cached.pending);
      }
    }
    if (due.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(due), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    }
    const out = new Map<string, LastErrorEntry>();
    for (const r of resources) {
      const entry = this.cache.get(r.key)?.entry;
      if (entry) out.set(r.key, entry);
    }
    return out;
  }

  /** Settles once no read is in flight (module shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.cache.values()].map((c) => c.pending));
  }
}
