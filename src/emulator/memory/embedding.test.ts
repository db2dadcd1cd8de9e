import { describe, expect, it } from 'vitest';
import { DIMENSIONS, cosine, embed, tokenize } from './embedding';

describe('tokenize', () => {
  it('drops stopwords and folds simple plurals', () => {
    expect(tokenize('The pods are crashing in the staging clusters')).toEqual(['pod', 'crash', 'stag', 'cluster']);
  });
});

describe('embed', () => {
  it('is a deterministic unit vector of fixed dimension', () => {
    const v = embed('p99 latency on payment-service');
    expect(v).toHaveLength(DIMENSIONS);
    expect(cosine(v, v)).toBeCloseTo(1, 5);
    expect([...embed('p99 latency on payment-service')]).toEqual([...v]);
  });

  it('puts texts sharing words closer than texts sharing none', () => {
    const q = embed('connection pool saturation');
    expect(cosine(q, embed('the connection pool is saturated'))).toBeGreaterThan(cosine(q, embed('marathon taper plan')));
  });

  it('is the zero vector for text without words', () => {
    expect(cosine(embed('...'), embed('pods'))).toBe(0);
  });
});
