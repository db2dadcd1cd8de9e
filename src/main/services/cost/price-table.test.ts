import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverrides, bundledPricingPath, loadPriceFile, parsePriceFile } from './price-table';

describe('price table', () => {
  it('finds and reads the bundled pricing.json with its source and date', () => {
    const path = bundledPricingPath();
    expect(path).toMatch(/resources[\\/]pricing\.json$/);
    const file = loadPriceFile(path);
    expect(file.errors).toEqual([]);
    expect(file.source).toBe('https://aws.amazon.com/bedrock/agentcore/pricing/');
    expect(file.checked).toBe('2026-12-01');
    expect(file.entries.find((e) => e.id === 'runtime.cpu')?.usd).toBe(0.0895);
    expect(JSON.parse(readFileSync(path!, 'utf8')).entries).toHaveLength(file.entries.length);
  });

  it('refuses a malformed file entry by name and keeps the others', () => {
    const file = parsePriceFile(
      JSON.stringify({
        source: 's',
        checked: 'c',
        region: 'r',
        entries: [
          { id: 'a', label: 'A', usd: 1, per: 'hour' },
          { id: 'b', label: 'B', usd: '0.5', per: 'hour' },
          { label: 'nameless', usd: 1, per: 'x' },
          { id: 'a', label: 'A again', usd: 2, per: 'hour' },
        ],
      }),
    );
    expect(file.entries.map((e) => e.id)).toEqual(['a']);
    expect(file.errors).toEqual([
      'pricing.json: b has usd "0.5", not a price (a number ≥ 0)',
      'pricing.json: entry 3 needs a non-empty id, label and per',
      'pricing.json: a appears twice; the first is kept',
    ]);
    expect(parsePriceFile('{').errors[0]).toMatch(/not valid JSON/);
  });

  it('applies good overrides and names the bad ones, keeping the default', () => {
    const file = parsePriceFile(JSON.stringify({ source: 's', checked: 'c', region: 'r', entries: [{ id: 'a', label: 'A', usd: 1, per: 'hour' }] }));
    const table = applyOverrides(file, { a: 2 });
    expect(table.entries[0]!.usd).toBe(2);
    expect(table.overridden).toEqual(['a']);
    const bad = applyOverrides(file, { a: 'two', nope: 3 });
    expect(bad.entries[0]!.usd).toBe(1);
    expect(bad.overridden).toEqual([]);
    expect(bad.errors).toEqual([
      `override a: "two" is not a price (a number ≥ 0); the file's $1 is used`,
      'override nope: no such price entry in pricing.json (kept in settings, not used)',
    ]);
  });
});
