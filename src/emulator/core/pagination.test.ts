import { describe, expect, it } from 'vitest';
import { checkedMaxResults, paginate, paginateList } from './pagination';
import { AwsError } from './types';

const req = { scope: 'us-east-1:runtimes', size: 10 };

describe('paginate', () => {
  it('walks a sequence in pages with opaque tokens and no token on the last page', () => {
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(25, (i) => i, { ...req, nextToken: token });
      seen.push(...page.items);
      token = page.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('only generates the items of the requested page', () => {
    const generated: number[] = [];
    paginate(1_000_000, (i) => generated.push(i), { ...req, size: 5 });
    expect(generated).toEqual([0, 1, 2, 3, 4]);
  });

  it('pages through a list and ends without a token', () => {
    const list = [1, 2, 3, 4, 5];
    const first = paginateList(list, { scope: 's', size: 2 });
    const second = paginateList(list, { scope: 's', size: 2, nextToken: first.nextToken });
    const third = paginateList(list, { scope: 's', size: 2, nextToken: second.nextToken });
    expect([first.items, second.items, third.items]).toEqual([[1, 2], [3, 4], [5]]);
    expect(third.nextToken).toBeUndefined();
  });

  it('rejects tokens from other listings and garbage, AgentCore-style by default', () => {
    const { nextToken } = paginate(25, (i) => i, req);
    expect(() => paginate(25, (i) => i, { ...req, scope: 'us-west-2:runtimes', nextToken })).toThrow(AwsError);
    expect(() => paginate(25, (i) => i, { ...req, nextToken: 'not-base64-json' })).toThrow(/Invalid nextToken/);
  });

  it('lets each API reject a bad token with its own error', () => {
    const bad = (): never => {
      throw new Error('bad token');
    };
    const { nextToken } = paginateList([1, 2, 3], { scope: 'a', size: 1 });
    expect(() => paginateList([1, 2, 3], { scope: 'b', size: 1, nextToken, onBadToken: bad })).toThrow('bad token');
    expect(() => paginateList([1], { scope: 's', size: 1, nextToken: 'nope', onBadToken: bad })).toThrow('bad token');
  });
});

describe('checkedMaxResults', () => {
  it('defaults when absent and rejects out-of-range page sizes the AWS way', () => {
    expect(checkedMaxResults(undefined, 10, 100)).toBe(10);
    expect(checkedMaxResults(100, 10, 100)).toBe(100);
    expect(() => checkedMaxResults(0, 10, 100)).toThrow(/maxResults/);
    expect(() => checkedMaxResults(101, 10, 100)).toThrow(/between 1 and 100/);
    expect(() => checkedMaxResults(2.5, 10, 100)).toThrow(AwsError);
  });
});
