/**
 * Relevance scoring for RetrieveMemoryRecords. Real AgentCore uses vector
 * search; the emulator uses BM25 over word tokens, which is deterministic,
 * explainable in tests, and ranks "database connection pool" above unrelated
 * facts the way a demo viewer expects. Scores are squashed into (0, 1) because
 * AWS scores are similarity values in that range.
 */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have i in is it its me my of on or our so that the their them they this to was we were what when where which who why will with you your do does did how can should would about any all'.split(
    ' ',
  ),
);

/** Lowercase word tokens without stopwords, with a light plural/suffix strip so "pods" meets "pod". */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface Scored<T> {
  item: T;
  score: number;
}

const K1 = 1.2;
const B = 0.75;

/** BM25 of `query` against each document; documents with no shared term are dropped. Sorted best first, stable. */
export function rankByRelevance<T>(query: string, docs: readonly T[], textOf: (doc: T) => string): Array<Scored<T>> {
  const queryTerms = [...new Set(tokenize(query))];
  if (queryTerms.length === 0 || docs.length === 0) return [];
  const tokenized = docs.map((d) => tokenize(textOf(d)));
  const avgLen = tokenized.reduce((sum, t) => sum + t.length, 0) / tokenized.length || 1;
  const docFreq = new Map<string, number>();
  for (const tokens of tokenized) for (const term of new Set(tokens)) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
  const n = docs.length;
  const scored: Array<Scored<T>> = [];
  tokenized.forEach((tokens, i) => {
    let raw = 0;
    for (const term of queryTerms) {
      const tf = tokens.filter((t) => t === term).length;
      if (tf === 0) continue;
      const df = docFreq.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      raw += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * tokens.length) / avgLen));
    }
    if (raw > 0) scored.push({ item: docs[i] as T, score: squash(raw) });
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** Map a raw BM25 sum into (0, 1), rounded so responses are stable across platforms. */
function squash(raw: number): number {
  return Math.round((raw / (raw + 2)) * 10_000) / 10_000;
}
