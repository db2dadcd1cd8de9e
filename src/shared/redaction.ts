/**
 * Presentation-mode redaction: identifiers of people and AWS accounts never
 * reach a shared screen, yet a demo still reads naturally because every
 * distinct value gets one consistent pseudonym. Pure string work, so it runs in
 * the renderer and in main alike.
 */
import { Pseudonyms, TEST_NETS, assign, lookup, type IdentifierKind } from './pseudonyms';

export { Pseudonyms, type IdentifierKind };

/** Case-insensitive without the `i` flag, which would loosen every other alternative too. */
const anyCase = (word: string): string => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const HEX = '[0-9A-Fa-f]';
const H16 = `${HEX}{1,4}`;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const SECRET_KEY = `(?:${anyCase('aws_secret_access_key')}|${anyCase('secretaccesskey')})`;
// The uncompressed form and every "::" form with at least one group before it; bare
// "::x" forms are loopback, unspecified or IPv4-mapped (whose IPv4 part is caught) and
// otherwise mostly Python slices.
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  ...[2, 3, 4, 5, 6].map((tail) => `(?:${H16}:){1,${7 - tail}}(?::${H16}){1,${tail}}`),
].join('|');

/**
 * One alternation, tried once per position. All but named values starting with a
 * symbol may only start where no letter or digit precedes, so they share one
 * lookbehind: a position inside a word costs two quick checks. Priority is source order.
 * Capture groups: 1 a pseudonym already (kept, so redacting twice changes nothing),
 * 2+3 bearer token, 4 JWT, 5 access key, 6 session, 7 email, 8 account, 9 IPv6,
 * 10 named value starting with a letter or digit, 11 IPv4 (so not "v1.2.3.4", glued
 * to a letter), 12+13 secret, 14 other named values.
 * Every quantifier is bounded and every lookahead stops at a separator: StreamRedactor
 * relies on both.
 */
function source(wordStartLiterals: string, otherLiterals: string, present: number): string {
  // A gated-out alternative keeps its capture groups, so group numbers never move.
  const gate = (bit: number, alternative: string, groups: number): string => (present & bit ? alternative : NOTHING + '()'.repeat(groups));
  const atWordStart = [
    '(account-[A-Z]{1,3}|session-\\d{1,9}|user-\\d{1,9}|person-\\d{1,9}@example\\.com)(?![A-Za-z0-9])',
    // A token needs a digit, so prose like "a Bearer authentication scheme" stays.
    gate(BEARER, '([Bb]earer[ \\t]{1,16})(?=[A-Za-z\\-._~+/]{0,4096}\\d)([A-Za-z0-9\\-._~+/]{8,4096}={0,2})', 2),
    gate(JWT, '(?<![_-])(eyJ[A-Za-z0-9_-]{1,512}\\.eyJ[A-Za-z0-9_-]{1,2048}\\.[A-Za-z0-9_-]{0,512})', 1),
    gate(ACCESS_KEY, '((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])', 1),
    `((?:console-)?${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12})(?![A-Za-z0-9])`,
    gate(EMAIL, '(?<![._%+-])([A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24})(?![A-Za-z0-9-])', 1),
    // 12 digits, or the console's 1234-5678-9012; never part of a longer digit, hex or dashed run.
    '(?<!\\d-)(\\d{12}|\\d{4}-\\d{4}-\\d{4})(?![A-Za-z0-9]|-\\d)',
    gate(IP6, `(?<!:)(${IPV6})(?![0-9A-Za-z:]|\\.\\d)`, 1),
    `(${wordStartLiterals})`,
    `(?<!\\.)((?:${OCTET}\\.){3}${OCTET})(?![0-9]|\\.\\d)`,
    gate(SECRET, `(${SECRET_KEY}["']?[ \\t]{0,16}[:=][ \\t]{0,16}["']?)([A-Za-z0-9/+=]{16,128})`, 2),
  ];
  return `(?<![A-Za-z0-9])(?:${atWordStart.join('|')})|(${otherLiterals})`;
}
/**
 * Never matches. It starts with a noncharacter rather than being a bare `(?!)`: an
 * alternative that could start anywhere costs every position a try.
 */
const NOTHING = '\\uFFFF(?!)';

// Alternatives that cannot match without a substring most log lines lack. Leaving them
// out for text without it gives the same matches for far fewer tries per position.
const BEARER = 1;
const JWT = 2;
const ACCESS_KEY = 4;
const EMAIL = 8;
const IP6 = 16;
const SECRET = 32;
const SECRET_HINT = /ecret_?access_?key/i;
/** Every "::" form contains "::"; the full form contains this. */
const FULL_IPV6_HINT = /[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/;

function present(text: string): number {
  return (
    (text.includes('earer') ? BEARER : 0) |
    (text.includes('eyJ') ? JWT : 0) |
    (text.includes('AKIA') || text.includes('ASIA') ? ACCESS_KEY : 0) |
    (text.includes('@') ? EMAIL : 0) |
    (text.includes('::') || FULL_IPV6_HINT.test(text) ? IP6 : 0) |
    (SECRET_HINT.test(text) ? SECRET : 0)
  );
}

/** Longest stretch any alternative can match, plus lookaround: the most a stream ever holds back. */
const HOLD = 4200;
/** A separator-free run is cut only this far past HOLD, so each character is rescanned a bounded number of times. */
const SLACK = 512;
/** Characters kept before the next scan's start so lookbehinds see what precedes it. */
const CONTEXT = 16;
/** A separator: no alternative's character classes include these, only [ \t] runs in bearer and secret. */
const isSeparator = (code: number): boolean => code <= 32;
const hasSeparator = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (isSeparator(text.charCodeAt(i))) return true;
  return false;
};
/** The start of a bearer or secret match whose value has not arrived yet. */
const OPENING = new RegExp(`(?:(?<![A-Za-z0-9])[Bb]earer[ \\t]+|${SECRET_KEY}["']?[ \\t]*(?:[:=][ \\t]*)?)$`);

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordChar = (char: string): boolean => /[A-Za-z0-9]/.test(char);
/** Very short values would mask ordinary words; newlines would let a match span lines. */
const searchableInText = (value: string): boolean => value.length >= 3 && value.length <= 256 && !/[\r\n]/.test(value);

function literal(value: string): string {
  const before = isWordChar(value.charAt(0)) ? '(?<![A-Za-z0-9])' : '';
  const after = isWordChar(value.charAt(value.length - 1)) ? '(?![A-Za-z0-9])' : '';
  return before + escapeRegExp(value) + after;
}

interface Compiled {
  count: number;
  wordStart: string;
  other: string;
  /** One pattern per set of present alternatives, built on first use. */
  patterns: Map<number, RegExp>;
  /** Named values containing separators: a stream must not cut inside one. */
  spaced: readonly string[];
}
const compiledFor = new WeakMap<Pseudonyms, Compiled>();

function compile(names: Pseudonyms): Compiled {
  const values = names.values();
  const cached = compiledFor.get(names);
  if (cached?.count === values.length) return cached;
  const searchable = values.filter(searchableInText).sort((a, b) => b.length - a.length);
  const wordStart = searchable.filter((v) => isWordChar(v.charAt(0)));
  const other = searchable.filter((v) => !isWordChar(v.charAt(0)));
  const group = (list: string[]): string => (list.length > 0 ? list.map(literal).join('|') : NOTHING);
  const spaced = searchable.filter((v) => [...v].some((c) => isSeparator(c.charCodeAt(0))));
  const compiled = { count: values.length, wordStart: group(wordStart), other: group(other), patterns: new Map<number, RegExp>(), spaced };
  compiledFor.set(names, compiled);
  return compiled;
}

function patternFor(compiled: Compiled, text: string): RegExp {
  const key = present(text);
  let pattern = compiled.patterns.get(key);
  if (pattern === undefined) {
    pattern = new RegExp(source(compiled.wordStart, compiled.other, key), 'g');
    compiled.patterns.set(key, pattern);
  }
  return pattern;
}

const isDocumentationIpv4 = (ip: string): boolean => TEST_NETS.some((net) => ip.startsWith(net)) || ip.startsWith('127.') || ip === '0.0.0.0';

function replacement(m: RegExpExecArray, names: Pseudonyms): string {
  const whole = m[0];
  if (m[1] !== undefined) return names[lookup](whole) ?? whole;
  if (m[2] !== undefined) return `${m[2]}[redacted token]`;
  if (m[4] !== undefined) return '[redacted JWT]';
  if (m[5] !== undefined) return names[assign]('accessKey', whole);
  if (m[6] !== undefined) return names[assign]('runtimeSession', whole);
  if (m[7] !== undefined) return names[assign]('email', whole);
  if (m[8] !== undefined) return names[assign]('account', whole.replaceAll('-', ''));
  if (m[9] !== undefined) return whole.toLowerCase().startsWith('2001:db8:') ? whole : names[assign]('ip', whole);
  if (m[11] !== undefined) return isDocumentationIpv4(whole) ? whole : names[assign]('ip', whole);
  if (m[12] !== undefined) return `${m[12]}[redacted secret]`;
  // Groups 10 and 14: values named through Pseudonyms.name, so already named.
  return names[assign]('user', whole);
}

/** Replaces the matches of text[from, to); the caller guarantees none straddles `to`. */
function redactRange(text: string, from: number, to: number, names: Pseudonyms, pattern: RegExp): string {
  let out = '';
  let last = from;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
    out += text.slice(last, m.index) + replacement(m, names);
    last = m.index + m[0].length;
  }
  return out + text.slice(last, to);
}

/** How an identifier field shows in presentation mode. */
export function maskIdentifier(kind: IdentifierKind, value: string, names: Pseudonyms): string {
  if (kind !== 'arn') return names.name(kind, value);
  // arn:partition:service:region:account:resource; the account field is named as a
  // field, and the resource goes through text search for ids named elsewhere.
  const fields = value.split(':');
  const account = fields[4];
  if (fields.length >= 6 && account !== undefined && /^\d{12}$/.test(account)) fields[4] = names.name('account', account);
  return redactText(fields.join(':'), names);
}

/** Free text (agent output, log lines, JSON, markdown, URLs, span attributes) with every identifier replaced. */
export function redactText(text: string, names: Pseudonyms): string {
  return redactRange(text, 0, text.length, names, patternFor(compile(names), text));
}

const reversePatterns = new WeakMap<Pseudonyms, { count: number; pattern: RegExp }>();

/**
 * The inverse of redactText for the pseudonyms this table gave out: text a viewer typed or sent back with
 * "session-3" in it names the real session again. Unknown look-alikes ("account-Z" never given) stay as they are.
 */
export function unredactText(text: string, names: Pseudonyms): string {
  const given = names.names();
  if (given.length === 0) return text;
  let cached = reversePatterns.get(names);
  if (cached?.count !== given.length) {
    const alternatives = [...given].sort((a, b) => b.length - a.length).map(literal);
    cached = { count: given.length, pattern: new RegExp(alternatives.join('|'), 'g') };
    reversePatterns.set(names, cached);
  }
  return text.replace(cached.pattern, (name) => names.original(name) ?? name);
}

/**
 * Streamed text: holds back only a tail that could still turn into an identifier, so
 * an id split across chunks is never shown half-masked. The output of all push() calls
 * and end() equals redactText of the whole text, for any split.
 */
export class StreamRedactor {
  /** Already-emitted context (the first `context` chars), then text not yet emitted. */
  private buffer = '';
  private context = 0;

  constructor(private readonly names: Pseudonyms) {}

  push(chunk: string): string {
    this.buffer += chunk;
    // Without a new separator no new cut can be safe (holding back is always correct), so skip the scan.
    if (this.buffer.length - this.context <= HOLD + SLACK && !hasSeparator(chunk)) return '';
    const compiled = compile(this.names);
    const pattern = patternFor(compiled, this.buffer);
    const matches: RegExpExecArray[] = [];
    pattern.lastIndex = this.context;
    for (let m = pattern.exec(this.buffer); m !== null; m = pattern.exec(this.buffer)) matches.push(m);
    return this.emit(this.safeCut(matches, compiled.spaced), pattern);
  }

  end(): string {
    const out = this.emit(this.buffer.length, patternFor(compile(this.names), this.buffer));
    this.buffer = '';
    this.context = 0;
    return out;
  }

  private emit(cut: number, pattern: RegExp): string {
    const out = redactRange(this.buffer, this.context, cut, this.names, pattern);
    const keep = Math.max(0, cut - CONTEXT);
    this.buffer = this.buffer.slice(keep);
    this.context = cut - keep;
    return out;
  }

  /**
   * Where everything before is final. Matches never cross a separator except the
   * bearer/secret openings and spaced named values, so the last separator is a safe
   * cut unless one of those is open there; a long separator-free run is cut HOLD
   * characters back, where every match has had all the text it can ever use.
   */
  private safeCut(matches: readonly RegExpExecArray[], spaced: readonly string[]): number {
    const spans = (cut: number): RegExpExecArray | undefined => matches.find((m) => m.index < cut && m.index + m[0].length > cut);
    let cut = this.context;
    for (let end = this.buffer.length, tries = 0; tries < 8; tries++) {
      const candidate = this.lastSeparatorCut(end);
      if (candidate <= this.context) break;
      const open = spans(candidate);
      if (open !== undefined) end = open.index;
      else if (this.opensAt(candidate, spaced)) end = candidate - 1;
      else {
        cut = candidate;
        break;
      }
    }
    const windowCut = this.buffer.length - HOLD;
    if (this.buffer.length - cut <= HOLD + SLACK) return cut;
    return matches.reduce((at, m) => (m.index < at && m.index + m[0].length > at ? m.index + m[0].length : at), windowCut);
  }

  /** The position just after the last separator before `end`, or the context start. */
  private lastSeparatorCut(end: number): number {
    for (let i = end - 1; i >= this.context; i--) if (isSeparator(this.buffer.charCodeAt(i))) return i + 1;
    return this.context;
  }

  private opensAt(cut: number, spaced: readonly string[]): boolean {
    if (OPENING.test(this.buffer.slice(Math.max(0, cut - 64), cut))) return true;
    return spaced.some((value) => {
      for (let k = 0; k < value.length; k++) {
        if (!isSeparator(value.charCodeAt(k))) continue;
        const prefix = value.slice(0, k + 1);
        if (cut - prefix.length >= 0 && this.buffer.startsWith(prefix, cut - prefix.length)) return true;
      }
      return false;
    });
  }
}
