import { describe, expect, it } from 'vitest';
import { embed } from './embedding';
import { rankByRelevance, similarityScore } from './relevance';

const docs = [
  'Orders database is Aurora PostgreSQL with max_connections 1000 and a connection pool of 50 per pod',
  'Alice prefers detailed reports with kubectl commands',
  'payment-service runs 6 replicas behind an ALB in prod',
  'Logs are shipped by the log-shipper DaemonSet to CloudWatch',
];
const inRange = (s: number) => s > 0 && s <= 1;

describe('rankByRelevance (hashed-embedding vector search)', () => {
  it('ranks the related document first and keeps the unrelated ones, scored lower', () => {
    const ranked = rankByRelevance('database connection pool', docs, embed);
    expect(ranked).toHaveLength(docs.length);
    expect(ranked[0]?.item).toBe(docs[0]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked.every((r) => inRange(r.score))).toBe(true);
  });

  it('matches inflected forms through stems and character trigrams', () => {
    expect(rankByRelevance('database connections for orders', docs, embed)[0]?.item).toBe(docs[0]);
    expect(rankByRelevance('payment service replicas', docs, embed)[0]?.item).toBe(docs[2]);
    expect(rankByRelevance('log shipping to cloudwatch', docs, embed)[0]?.item).toBe(docs[3]);
  });

  it('still ranks every document for a query sharing no word, sorted and deterministic', () => {
    const a = rankByRelevance('zebra quantum banana', docs, embed);
    const b = rankByRelevance('zebra quantum banana', docs, embed);
    expect(a).toHaveLength(docs.length);
    expect(a).toEqual(b);
    expect(a.every((r) => inRange(r.score))).toBe(true);
    expect(a.map((r) => r.score)).toEqual([...a.map((r) => r.score)].sort((x, y) => y - x));
  });

  it('handles queries of stopwords only and texts without words', () => {
    expect(rankByRelevance('what is the', docs, embed)).toHaveLength(docs.length);
    const empty = rankByRelevance('!!!', [{ t: '' }, { t: 'pods' }], (d) => embed(d.t));
    expect(empty.map((r) => r.score)).toEqual([0.5, 0.5]);
  });
});

describe('similarityScore', () => {
  it('maps cosine [-1, 1] into (0, 1], rounded to 4 places', () => {
    expect(similarityScore(1)).toBe(1);
    expect(similarityScore(0)).toBe(0.5);
    expect(similarityScore(-1)).toBe(0.0001);
    expect(similarityScore(0.123456)).toBe(0.5617);
  });
});
