/**
 * Every account id, ARN, access-key id, runtime session id, user id, email
 * and IP address feature code shows goes through components/identifier.tsx,
 * the one place a presentation mode will mask them. This reads the renderer's
 * sources and fails on a value printed directly: in a JSX expression or
 * attribute, a template literal, or a display field of an object literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', 'src', 'renderer', 'src');

/** Property names that hold such identifiers (contract and AWS spellings). */
const FIELD = String.raw`(?:accountId|arn|[a-z][A-Za-z]*Arn|runtimeSessionId|userId|actorId|accessKeyId|email|[a-z][A-Za-z]*Email|ip|ipAddress|sourceIp|clientIp)`;
/** `r.`, `session?.`, `detail.resource.`, `x!.`: the object the field is read from. */
const OWNER = String.raw`(?:[A-Za-z_$][\w$]*\s*(?:\?\.|!?\.)\s*)+`;

const rules: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // {r.accountId}, {x.arn ?? '—'}, textToCopy={resource.arn}
  { name: 'JSX expression', pattern: new RegExp(String.raw`\{\s*${OWNER}${FIELD}\b!?\s*(?:\}|\?\?|\|\|)`, 'g') },
  // `${r.accountId}`, `${accountId}`
  { name: 'template literal', pattern: new RegExp(String.raw`\$\{\s*(?:${OWNER})?${FIELD}\b`, 'g') },
  // { label: 'Account', value: resource.accountId }; a condition on it (`x.arn ? … :`, `x.arn && …`) only tests it
  {
    name: 'display field',
    pattern: new RegExp(
      String.raw`\b(?:value|description|label|labelTag|header|title|text|textToCopy|textToDisplay|ariaLabel|content)\s*:\s*${OWNER}${FIELD}\b(?!\s*(?:\?(?![?.])|&&))`,
      'g',
    ),
  },
];

/** Inside `<Identifier … value={x.arn} …>` the value is handed over, not printed. */
function insideIdentifierTag(source: string, index: number): boolean {
  const tagStart = source.lastIndexOf('<', index);
  return tagStart !== -1 && source.startsWith('<Identifier', tagStart) && !source.slice(tagStart, index).includes('>');
}

/** A React key names an element, it is never shown. */
const isKeyAttribute = (source: string, index: number): boolean => /\bkey=$/.test(source.slice(Math.max(0, index - 4), index));

function findViolations(source: string): Array<{ rule: string; line: number; text: string }> {
  const found: Array<{ rule: string; line: number; text: string }> = [];
  for (const { name, pattern } of rules) {
    for (const match of source.matchAll(pattern)) {
      const index = match.index;
      if (insideIdentifierTag(source, index) || isKeyAttribute(source, index)) continue;
      found.push({ rule: name, line: source.slice(0, index).split('\n').length, text: match[0] });
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('identifier guard', () => {
  it('finds no identifier printed outside components/identifier.tsx', () => {
    const files = sourceFiles(root).filter((path) => relative(root, path) !== join('components', 'identifier.tsx'));
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((path) => findViolations(readFileSync(path, 'utf8')).map((v) => `${relative(root, path)}:${v.line} ${v.rule}: ${v.text}`));
    expect(violations).toEqual([]);
  });

  it.each([
    ['<div>{r.accountId}</div>', 'JSX expression'],
    ['<span>{session.runtimeSessionId}</span>', 'JSX expression'],
    ['{x.arn}', 'JSX expression'],
    ['<Box>{foo.roleArn ?? "—"}</Box>', 'JSX expression'],
    ['<CopyToClipboard textToCopy={resource.arn} />', 'JSX expression'],
    ['<b>{detail?.resource.accountId}</b>', 'JSX expression'],
    ['`${r.accountId} (${r.profile})`', 'template literal'],
    ['`user ${userId}`', 'template literal'],
    ["{ label: 'Account', value: resource.accountId }", 'display field'],
    ['description: session.userEmail,', 'display field'],
  ])('catches %s', (sample, rule) => {
    expect(findViolations(sample).map((v) => v.rule)).toContain(rule);
  });

  it.each([
    '<Identifier kind="account" value={r.accountId} />',
    '<Identifier\n  kind="arn"\n  value={detail.roleArn}\n  copy\n/>',
    '<li key={r.arn}>{r.name}</li>',
    "api.call('chat.sessions.update', { sessionId: session.id, userId })",
    'const text = [r.name, r.arn, r.accountId].join(" ")',
    '{r.accountIdLabel}',
    "sortingField: 'accountId'",
    'useState(session.userId ?? "")',
    'value: detail.roleArn ? <Identifier kind="arn" value={detail.roleArn} /> : dash',
  ])('lets through %s', (sample) => {
    expect(findViolations(sample)).toEqual([]);
  });
});
