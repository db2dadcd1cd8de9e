/**
 * The pseudonym table behind presentation-mode redaction: every distinct
 * identifier gets one consistent, natural-reading stand-in ("account-A",
 * "session-3", an RFC 5737 address), and the table can map a stand-in back.
 */
export type IdentifierKind = 'account' | 'arn' | 'accessKey' | 'runtimeSession' | 'user' | 'email' | 'ip';
export type NamedKind = Exclude<IdentifierKind, 'arn'>;

// Entry points for redaction.ts only (it does not re-export them): redactText names what it finds in
// text without making it searchable (see Pseudonyms.values), and no other caller should.
export const assign = Symbol('assign');
export const lookup = Symbol('lookup');

/** The documentation ranges of RFC 5737, used in order once one fills up. */
export const TEST_NETS = ['192.0.2.', '198.51.100.', '203.0.113.'];

/** Spreadsheet-style column letters: 0 → A, 25 → Z, 26 → AA. */
function letters(ordinal: number): string {
  let out = '';
  for (let n = ordinal + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function pseudonym(kind: NamedKind | 'ip6', ordinal: number, value: string): string {
  switch (kind) {
    case 'account':
      return `account-${letters(ordinal)}`;
    case 'accessKey':
      // The AKIA/ASIA prefix only says long-term or temporary; the suffix keeps two keys apart.
      return `${value.slice(0, 4)}${'•'.repeat(12)}-${ordinal + 1}`;
    case 'runtimeSession':
      return `session-${ordinal + 1}`;
    case 'user':
      return `user-${ordinal + 1}`;
    case 'email':
      return `person-${ordinal + 1}@example.com`;
    case 'ip': {
      const net = TEST_NETS[Math.floor(ordinal / 254)];
      return net === undefined ? `[ip-${ordinal + 1}]` : `${net}${(ordinal % 254) + 1}`;
    }
    case 'ip6':
      return `2001:db8::${(ordinal + 1).toString(16)}`;
  }
}

/** Consistent pseudonyms per kind for one screen: the same value always gets the same name. */
export class Pseudonyms {
  private readonly byValue = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly searchable: string[] = [];
  private readonly searchableSet = new Set<string>();
  private readonly given: string[] = [];

  name(kind: NamedKind, value: string): string {
    if (value === '') return value;
    if (!this.searchableSet.has(value)) {
      this.searchableSet.add(value);
      this.searchable.push(value);
    }
    return this[assign](kind, value);
  }

  /**
   * Values seen so far (via name()), so free text can be searched for them too.
   * Append-only: its length tells a cached search pattern whether it is stale.
   */
  values(): readonly string[] {
    return this.searchable;
  }

  [lookup](value: string): string | undefined {
    return this.byValue.get(value);
  }

  /** The value a pseudonym stands for, when this table gave it out: what a viewer types back is un-mapped with it. */
  original(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** Pseudonyms given out so far, in order (append-only, like values()). */
  names(): readonly string[] {
    return this.given;
  }

  /** The first kind a value is seen as wins, so a field and the text mentioning it agree. */
  [assign](kind: NamedKind, value: string): string {
    const existing = this.byValue.get(value);
    if (existing !== undefined) return existing;
    const counter = kind === 'ip' && value.includes(':') ? 'ip6' : kind;
    const ordinal = this.counts.get(counter) ?? 0;
    this.counts.set(counter, ordinal + 1);
    const name = pseudonym(counter, ordinal, value);
    this.byValue.set(value, name);
    // Pseudonyms are unique per kind and the kinds' forms never overlap, so the reverse map is one-to-one.
    this.byName.set(name, value);
    this.given.push(name);
    return name;
  }
}
