/**
 * Ranking for RetrieveMemoryRecords. Real AgentCore is a vector search: every
 * record in scope comes back ranked by similarity, even one sharing no word
 * with the query, so the emulator ranks by cosine over a hashed embedding
 * (see embedding.ts) rather than dropping non-matching records as a keyword
 * search would. Scores are (1 + cos) / 2, so they lie in (0, 1] like AWS's
 * similarity scores, rounded so responses are stable across platforms.
 */
import { cosine, embed } from './embedding';

export interface Scored<T> {
  item: T;
  score: number;
}

export function similarityScore(cos: number): number {
  return Math.max(0.0001, Math.round(((1 + cos) / 2) * 10_000) / 10_000);
}

/**
 * Every doc, most similar to `query` first; ties keep the input order.
 * Docs bring their own vectors (records embed once, when stored), so a
 * retrieve over thousands of records costs one embedding and the dot products.
 */
export function rankByRelevance<T>(query: string, docs: readonly T[], vectorOf: (doc: T) => Float32Array): Array<Scored<T>> {
  const q = embed(query);
  return docs
    .map((item) => ({ item, cos: cosine(q, vectorOf(item)) }))
    .sort((a, b) => b.cos - a.cos)
    .map(({ item, cos }) => ({ item, score: similarityScore(cos) }));
}
