import { describe, expect, it } from 'vitest';
import { paginate } from './pagination';
import { AwsError } from './types';

const req = { scope: 'us-east-1:runtimes', defaultMax: 10, limit: 100 };

describe('paginate', () => {
  it('walks a sequence in pages with opaque tokens and no token on the last page', () => {
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(25, (i) => i, { ...req, maxResults: 10, nextToken: token });
      seen.push(...page.items);
      token = page.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('only generates the items of the requested page', () => {
    const generated: number[] = [];
    paginate(1_000_000, (i) => generated.push(i), { ...req, maxResults: 5 });
    expect(generated).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects tokens from other listings and out-of-range page sizes', () => {
    const { nextToken } = paginate(25, (i) => i, { ...req, maxResults: 10 });
    expect(() => paginate(25, (i) => i, { ...req, scope: 'us-west-2:runtimes', nextToken })).toThrow(AwsError);
    expect(() => paginate(25, (i) => i, { ...req, nextToken: 'not-base64-json' })).toThrow(/Invalid nextToken/);
    expect(() => paginate(25, (i) => i, { ...req, maxResults: 0 })).toThrow(/maxResults/);
  });
});
