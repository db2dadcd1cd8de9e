import { describe, expect, it } from 'vitest';
import { rankByRelevance, tokenize } from './relevance';

describe('tokenize', () => {
  it('drops stopwords and folds simple plurals', () => {
    expect(tokenize('The pods are crashing in the staging clusters')).toEqual(['pod', 'crash', 'stag', 'cluster']);
  });
});

describe('rankByRelevance', () => {
  const docs = [
    'Orders database is Aurora PostgreSQL with max_connections 1000',
    'Alice prefers detailed reports with kubectl commands',
    'payment-service runs 6 replicas behind an ALB in prod',
  ];

  it('ranks the document sharing rare query terms first and drops unrelated ones', () => {
    const ranked = rankByRelevance('database connections for orders', docs, (d) => d);
    expect(ranked.map((r) => r.item)).toEqual([docs[0]]);
    expect(ranked[0]?.score).toBeGreaterThan(0);
    expect(ranked[0]?.score).toBeLessThan(1);
  });

  it('orders by score and is deterministic', () => {
    const a = rankByRelevance('payment service replicas kubectl', docs, (d) => d);
    const b = rankByRelevance('payment service replicas kubectl', docs, (d) => d);
    expect(a).toEqual(b);
    expect(a[0]?.item).toBe(docs[2]);
    expect(a.map((r) => r.score)).toEqual([...a.map((r) => r.score)].sort((x, y) => y - x));
  });

  it('returns nothing for a query of stopwords only', () => {
    expect(rankByRelevance('what is the', docs, (d) => d)).toEqual([]);
  });
});
