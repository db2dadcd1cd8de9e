import { describe, expect, it } from 'vitest';
import type { FleetResource, Health } from '../../../../shared/fleet';
import { filterOptions, filterResources } from './filter-resources';
import { detailQuery, emptyFilter, filterToQuery, parseFleetQuery, rememberedView } from './fleet-query';
import { nextSort, noSort, sortItems } from './grid-sort';
import { formatEndpoint } from './resource-format';
import { formatStatusSummary, summarizeStatuses } from './status-summary';

const make = (name: string, status: string, health: Health, extra: Partial<FleetResource> = {}): FleetResource => ({
  key: `p|us-east-1|runtime|${name}`,
  kind: 'runtime',
  id: name,
  arn: `arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/${name}`,
  name,
  profile: 'p',
  accountId: '111122223333',
  region: 'us-east-1',
  status,
  health,
  ...extra,
});

const fleet = [
  make('zeta', 'READY', 'ok'),
  make('alpha', 'READY', 'ok', { region: 'eu-west-1' }),
  make('beta', 'UPDATING', 'pending'),
  make('gamma', 'UPDATE_FAILED', 'failed', { failureReason: 'Image pull failed' }),
  make('mem', 'ACTIVE', 'ok', { kind: 'memory' }),
];

describe('summarizeStatuses', () => {
  it('counts by status, healthy first, failures after', () => {
    const summary = summarizeStatuses([...fleet, make('delta', 'READY', 'ok')]);
    expect(formatStatusSummary(summary)).toBe('3 READY · 1 ACTIVE · 1 UPDATING · 1 UPDATE_FAILED');
    expect(summary.find((s) => s.status === 'UPDATE_FAILED')?.health).toBe('failed');
  });
});

describe('filterResources', () => {
  it('orders broken resources first, then by name', () => {
    expect(filterResources(fleet, emptyFilter).map((r) => r.name)).toEqual(['gamma', 'beta', 'alpha', 'mem', 'zeta']);
  });

  it('matches every word of the text against name, failure reason and identifiers', () => {
    expect(filterResources(fleet, { ...emptyFilter, text: 'image PULL' }).map((r) => r.name)).toEqual(['gamma']);
    expect(filterResources(fleet, { ...emptyFilter, text: 'eu-west-1' }).map((r) => r.name)).toEqual(['alpha']);
  });

  it('combines the type, status and region selects', () => {
    expect(filterResources(fleet, { ...emptyFilter, kind: 'memory' }).map((r) => r.name)).toEqual(['mem']);
    expect(filterResources(fleet, { ...emptyFilter, status: 'READY', region: 'us-east-1' }).map((r) => r.name)).toEqual(['zeta']);
  });

  it('offers statuses broken-first and regions sorted', () => {
    expect(filterOptions(fleet)).toEqual({ statuses: ['UPDATE_FAILED', 'UPDATING', 'ACTIVE', 'READY'], regions: ['eu-west-1', 'us-east-1'], profiles: ['p'] });
  });
});

describe('fleet query', () => {
  it('round-trips a filter through the URL query', () => {
    const filter = { text: 'billing', kind: 'gateway' as const, status: 'FAILED', region: null, profile: 'prod' };
    const query = Object.fromEntries(Object.entries(filterToQuery(filter)).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(parseFleetQuery(query).filter).toEqual(filter);
  });

  it('ignores an unknown type and opens the panel only with a selection', () => {
    const view = parseFleetQuery({ type: 'lambda', panel: 'open' });
    expect(view.filter.kind).toBeNull();
    expect(view.panelOpen).toBe(false);
    expect(parseFleetQuery({ sel: 'k', panel: 'open' }).panelOpen).toBe(true);
  });

  it('replaces the quick look with the detail page, and carries the filters to it and back', () => {
    const view = parseFleetQuery({ sel: 'k', panel: 'open', detail: 'k' });
    expect(view.detail).toBe('k');
    expect(view.panelOpen).toBe(false);
    const query = detailQuery({ q: 'sre', status: 'READY', panel: 'open', sel: 'old' }, 'k');
    expect(query).toEqual({ q: 'sre', status: 'READY', sel: 'k', detail: 'k' });
    expect(rememberedView(query)).toEqual({ q: 'sre', status: 'READY', sel: 'k' });
  });
});

describe('grid sorting', () => {
  const columns = [
    { id: 'name', sortingField: 'name' },
    { id: 'updated', sortingComparator: (a: FleetResource, b: FleetResource) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0) },
    { id: 'version' },
  ];
  const items = filterResources(fleet, emptyFilter);

  it('cycles a header through ascending, descending and back to broken-first', () => {
    const asc = nextSort(noSort, 'name');
    expect(asc).toEqual({ column: 'name', descending: false });
    const desc = nextSort(asc, 'name');
    expect(desc).toEqual({ column: 'name', descending: true });
    expect(nextSort(desc, 'name')).toEqual(noSort);
    expect(nextSort(desc, 'updated')).toEqual({ column: 'updated', descending: false });
  });

  it('sorts by field or comparator, keeps the input order for ties, and leaves unsortable columns alone', () => {
    expect(sortItems(items, { column: 'name', descending: true }, columns).map((r) => r.name)).toEqual(['zeta', 'mem', 'gamma', 'beta', 'alpha']);
    // No update times: every item ties, so the broken-first order stays.
    expect(sortItems(items, { column: 'updated', descending: false }, columns)).toEqual(items);
    expect(sortItems(items, { column: 'version', descending: false }, columns)).toBe(items);
    expect(sortItems(items, noSort, columns)).toBe(items);
  });
});

describe('formatEndpoint', () => {
  it('shows a rollout as live → target', () => {
    expect(formatEndpoint({ name: 'prod', status: 'UPDATING', liveVersion: '2', targetVersion: '3' })).toBe('prod · v2 → v3');
    expect(formatEndpoint({ name: 'DEFAULT', status: 'READY', liveVersion: '3', targetVersion: '3' })).toBe('DEFAULT · v3');
    expect(formatEndpoint({ name: 'bare', status: 'READY' })).toBe('bare');
  });
});
