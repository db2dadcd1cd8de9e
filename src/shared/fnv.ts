/**
 * FNV-1a, 32-bit: the one stable string hash of the project. The emulator
 * derives its seeded streams from it and the fleet poller spreads its rotating
 * refresh with it, so a value it gives must never change between releases or
 * platforms. Pure arithmetic on purpose: src/shared runs in main and renderer.
 *
 * It hashes UTF-16 code units (the same as bytes for ASCII ids and keys); the
 * values are our own, never compared with another FNV implementation.
 */

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

export function fnv1a32(text: string): number {
  let h = OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  return h >>> 0;
}
