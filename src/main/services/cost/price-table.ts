/**
 * The price table: `resources/pricing.json` as shipped (source URL and the
 * date it was checked), with the user's overrides from SQLite on top. Nothing
 * else in main holds a price. A malformed entry — in the file or among the
 * overrides — is refused on its own, named in `errors`, and the rest of the
 * table (or, for an override, the file's figure) stays in use.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp } from '../../../lib/find-up';
import type { PriceEntry, PriceTable } from '../../../shared/metrics';

export interface PriceFile {
  source: string;
  checked: string;
  region: string;
  entries: PriceEntry[];
  /** Problems found while reading the file, each naming its entry. */
  errors: string[];
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const price = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Parses the file's JSON text; entries are checked one by one so one typo does not lose the table. */
export function parsePriceFile(json: string, origin = 'pricing.json'): PriceFile {
  const out: PriceFile = { source: '', checked: '', region: '', entries: [], errors: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    out.errors.push(`${origin} is not valid JSON: ${(error as Error).message}`);
    return out;
  }
  const doc = (raw ?? {}) as Record<string, unknown>;
  out.source = text(doc.source) ? doc.source : '';
  out.checked = text(doc.checked) ? doc.checked : '';
  out.region = text(doc.region) ? doc.region : '';
  if (!Array.isArray(doc.entries)) {
    out.errors.push(`${origin} has no "entries" list`);
    return out;
  }
  doc.entries.forEach((e: unknown, i) => {
    const entry = (e ?? {}) as Record<string, unknown>;
    const name = text(entry.id) ? entry.id : `entry ${i + 1}`;
    if (!text(entry.id) || !text(entry.label) || !text(entry.per)) {
      out.errors.push(`${origin}: ${name} needs a non-empty id, label and per`);
      return;
    }
    if (!price(entry.usd)) {
      out.errors.push(`${origin}: ${name} has usd ${JSON.stringify(entry.usd)}, not a price (a number ≥ 0)`);
      return;
    }
    if (out.entries.some((x) => x.id === entry.id)) {
      out.errors.push(`${origin}: ${name} appears twice; the first is kept`);
      return;
    }
    out.entries.push({ id: entry.id, label: entry.label, usd: entry.usd, per: entry.per });
  });
  return out;
}

/**
 * `resources/pricing.json` next to the app: walking up from this module finds
 * it from the source tree (tests), from `out/main` (dev and the web host) and
 * inside `app.asar` (Electron reads files in the archive; package.json's
 * build.files already ships resources/**).
 */
export function bundledPricingPath(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  return findUp(from, join('resources', 'pricing.json'));
}

export function loadPriceFile(path: string | undefined): PriceFile {
  if (!path) return { source: '', checked: '', region: '', entries: [], errors: ['resources/pricing.json was not found: no cost can be computed'] };
  try {
    return parsePriceFile(readFileSync(path, 'utf8'));
  } catch (error) {
    return { source: '', checked: '', region: '', entries: [], errors: [`cannot read ${path}: ${(error as Error).message}`] };
  }
}

/** The file with the overrides applied; an override for an unknown entry or with a bad value is an error and changes nothing. */
export function applyOverrides(file: PriceFile, overrides: Record<string, unknown>): PriceTable {
  const entries = file.entries.map((e) => ({ ...e }));
  const overridden: string[] = [];
  const errors = [...file.errors];
  for (const [id, usd] of Object.entries(overrides)) {
    const entry = entries.find((e) => e.id === id);
    if (!entry) errors.push(`override ${id}: no such price entry in pricing.json (kept in settings, not used)`);
    else if (!price(usd)) errors.push(`override ${id}: ${JSON.stringify(usd)} is not a price (a number ≥ 0); the file's $${entry.usd} is used`);
    else {
      entry.usd = usd;
      overridden.push(id);
    }
  }
  return { source: file.source, checked: file.checked, region: file.region, entries, overridden, errors };
}
