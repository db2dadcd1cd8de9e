/**
 * A deterministic text embedding for the emulator's vector search. Real
 * AgentCore embeds records with a model; a hashed embedding needs no model
 * download, gives the same vector on every machine, and still puts texts that
 * share words, word pairs or word fragments ("connections" ~ "connection")
 * close together, which is all a demo ranking needs.
 *
 * Signed feature hashing: each feature lands in one of DIMENSIONS buckets with
 * a hash-chosen sign, so unrelated features cancel out on average instead of
 * piling up, and the vector is L2-normalised so cosine is a dot product.
 */

import { fnv1a32 } from '../../shared/fnv';
import { finalize32 } from '../kit/rng';

export const DIMENSIONS = 512;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have i in is it its me my of on or our so that the their them they this to was we were what when where which who why will with you your do does did how can should would about any all'.split(
    ' ',
  ),
);

/** Feature weights: whole words carry most meaning, word pairs add phrase sense, trigrams catch inflections and typos. */
const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.6;
const TRIGRAM_BLOCK_WEIGHT = 0.5;

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Lowercase word tokens without stopwords, with a light plural/suffix strip so "pods" meets "pod". */
export function tokenize(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** FNV-1a then murmur3's finaliser: FNV alone leaves the low bits (the bucket) poorly mixed for short strings. */
function hash(feature: string): number {
  return finalize32(fnv1a32(feature));
}

function add(vector: Float32Array, feature: string, weight: number): void {
  const h = hash(feature);
  vector[h & (DIMENSIONS - 1)]! += h >>> 31 ? -weight : weight;
}

/** The unit-length embedding of `text`; all zeros when it has no word at all. */
export function embed(text: string): Float32Array {
  const vector = new Float32Array(DIMENSIONS);
  const raw = words(text);
  let content = raw.filter((w) => !STOPWORDS.has(w));
  // A query of stopwords only ("what is the") still means something; embed it as written.
  if (content.length === 0) content = raw;
  const stems = content.map(stem);
  stems.forEach((s, i) => {
    add(vector, `w:${s}`, UNIGRAM_WEIGHT);
    if (i > 0) add(vector, `b:${stems[i - 1]}_${s}`, BIGRAM_WEIGHT);
  });
  for (const word of content) {
    const padded = `^${word}$`;
    const count = padded.length - 2;
    // Each word's trigrams together weigh the same, so long words do not drown short ones.
    const weight = TRIGRAM_BLOCK_WEIGHT / Math.sqrt(count);
    for (let i = 0; i < count; i++) add(vector, `t:${padded.slice(i, i + 3)}`, weight);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (norm === 0) return vector;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < DIMENSIONS; i++) vector[i]! *= scale;
  return vector;
}

/** Cosine of two unit vectors (0 when either is the zero vector). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < DIMENSIONS; i++) dot += a[i]! * b[i]!;
  return dot;
}
