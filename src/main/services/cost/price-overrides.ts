/**
 * The user's price overrides (`prices.set`), one row per entry id in SQLite.
 * Values are read back as stored, unchecked: the price table judges them, so
 * a row that went bad shows up as that entry's error instead of failing.
 */
import type { Db } from '../store/database';

export class PriceOverrides {
  private readonly all: () => Array<{ id: string; usd: unknown }>;
  private readonly clear: () => void;
  private readonly put: (id: string, usd: number, at: number) => void;

  constructor(private readonly db: Db) {
    const select = db.prepare<[], { id: string; usd: unknown }>('SELECT id, usd FROM price_overrides ORDER BY id');
    const del = db.prepare('DELETE FROM price_overrides');
    const insert = db.prepare<[string, number, number]>('INSERT INTO price_overrides (id, usd, updated_at) VALUES (?, ?, ?)');
    this.all = () => select.all();
    this.clear = () => del.run();
    this.put = (id, usd, at) => insert.run(id, usd, at);
  }

  get(): Record<string, unknown> {
    return Object.fromEntries(this.all().map((r) => [r.id, r.usd]));
  }

  /** Replaces the whole set: an entry left out goes back to the file's figure. */
  replace(overrides: Record<string, number>, now = Date.now()): void {
    this.db.transaction(() => {
      this.clear();
      for (const [id, usd] of Object.entries(overrides)) this.put(id, usd, now);
    })();
  }
}
