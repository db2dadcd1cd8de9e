/**
 * Redaction forced on for a share's viewers, in main: every string of what a
 * viewer receives (envelopes, stream frames, events; object keys too, since
 * some maps are keyed by ARN) goes through redactText with the share's one
 * pseudonym table, so no byte a viewer gets carries an account id, and the
 * same account is "account-A" on every page. What a viewer sends back is
 * un-mapped with the same table, so opening a trace by its masked session id
 * still finds the real one.
 */
import { Pseudonyms, redactText, unredactText } from '../../shared/redaction';

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[map(key)] = mapStrings(item, map);
    return out;
  }
  return value;
}

export const redactDeep = (value: unknown, names: Pseudonyms): unknown => mapStrings(value, (text) => redactText(text, names));

export const unredactDeep = (value: unknown, names: Pseudonyms): unknown => mapStrings(value, (text) => unredactText(text, names));
