/**
 * Identifiers the OIDC device flow hands out. User codes follow AWS's shape
 * (`ABCD-EFGH`, consonants only so no word or 0/O confusion appears); tokens
 * are opaque strings with AWS-like prefixes so log redaction rules written for
 * real tokens also catch these.
 */
import { Rng } from '../kit/rng';

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function userCode(rng: Rng): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += USER_CODE_ALPHABET[rng.int(0, USER_CODE_ALPHABET.length - 1)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function opaque(rng: Rng, prefix: string, length: number): string {
  let out = prefix;
  while (out.length < length) out += TOKEN_ALPHABET[rng.int(0, TOKEN_ALPHABET.length - 1)];
  return out;
}

/** AWS's user-code check is case-insensitive and tolerates a missing dash. */
export function normalizeUserCode(input: string): string {
  const letters = input.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : input.toUpperCase();
}
