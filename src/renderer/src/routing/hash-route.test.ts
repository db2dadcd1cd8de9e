import { describe, expect, it } from 'vitest';
import { formatHash, parseHash as parseWith, patchQuery, type PageSet } from './hash-route';

const pages: PageSet = { ids: ['fleet', 'settings'], fallback: 'fleet' };
const parseHash = (hash: string) => parseWith(hash, pages);

describe('parseHash', () => {
  it('reads the page and the query', () => {
    expect(parseHash('#/fleet?q=billing&status=UPDATE_FAILED')).toEqual({ page: 'fleet', query: { q: 'billing', status: 'UPDATE_FAILED' } });
  });

  it('falls back to the fallback page for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ page: 'fleet', query: {} });
    expect(parseHash('#/nope?x=1')).toEqual({ page: 'fleet', query: { x: '1' } });
  });

  it('drops empty values and decodes keys with separators', () => {
    expect(parseHash('#/fleet?q=&sel=p%7Cus-east-1%7Cruntime%7Cid').query).toEqual({ sel: 'p|us-east-1|runtime|id' });
  });
});

describe('formatHash', () => {
  it('round-trips through parseHash with a stable key order', () => {
    const hash = formatHash({ page: 'fleet', query: { status: 'READY', q: 'a b', region: 'eu-west-1' } });
    expect(hash).toBe('#/fleet?q=a+b&region=eu-west-1&status=READY');
    expect(parseHash(hash)).toEqual({ page: 'fleet', query: { q: 'a b', region: 'eu-west-1', status: 'READY' } });
  });

  it('omits the query when there is none', () => {
    expect(formatHash({ page: 'settings', query: {} })).toBe('#/settings');
  });
});

describe('patchQuery', () => {
  it('sets, replaces and removes keys', () => {
    expect(patchQuery({ a: '1', b: '2' }, { a: '3', b: undefined, c: '', d: '4' })).toEqual({ a: '3', d: '4' });
  });
});
