/**
 * Deterministic chat-like text for benchmarks: a 20,000-word Zipf vocabulary
 * (so common words are common and rare ones rare, as in real transcripts)
 * mixed with SRE terms.
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sre =
  'latency throttling timeout cold-start session memory gateway runtime payments checkout deploy rollback p99 oom us-east-1 eu-central-1 incident claude sonnet AccessDeniedException quota'.split(
    ' ',
  );
const syllables = 'ka lo mi ne ru sa te vo pi da ge ho ju ly ze bo ri ta na me'.split(' ');

export function createCorpus(seed: number): { word: () => string; sentence: (words: number) => string } {
  const random = prng(seed);
  const vocab = Array.from({ length: 20_000 }, (_, i) => {
    if (i % 400 === 0) return sre[(i / 400) % sre.length] as string;
    let word = '';
    let n = i;
    do {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    return word;
  });
  const harmonic = vocab.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
  const cdf: number[] = [];
  let acc = 0;
  for (let i = 0; i < vocab.length; i++) cdf.push((acc += 1 / (i + 1) / harmonic));
  const word = (): string => {
    const x = random();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] as string;
  };
  return { word, sentence: (n) => Array.from({ length: n }, word).join(' ') };
}
