import { describe, expect, it } from 'vitest';
import { maskIdentifier, Pseudonyms, redactText, StreamRedactor, unredactText } from './redaction';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLWJ5dGVz_-x';
const UUID = '5f2b3c4d-1111-4222-8333-444455556666';

describe('redactText', () => {
  it.each([
    ['standalone account id', 'account 123456789012 throttled', 'account account-A throttled'],
    ['account in a sign-in URL', 'open https://123456789012.signin.aws.amazon.com/console', 'open https://account-A.signin.aws.amazon.com/console'],
    ['account in JSON', '{"accountId":"123456789012"}', '{"accountId":"account-A"}'],
    [
      'account in an IAM ARN (python logging)',
      'ERROR:botocore:denied for arn:aws:iam::123456789012:role/x',
      'ERROR:botocore:denied for arn:aws:iam::account-A:role/x',
    ],
    ['account in the console form', 'Account ID 1234-5678-9012', 'Account ID account-A'],
    ['account in a markdown code span', 'Use `123456789012` here', 'Use `account-A` here'],
    ['account in a markdown link', '[console](https://123456789012.signin.aws.amazon.com)', '[console](https://account-A.signin.aws.amazon.com)'],
    ['13-digit number is not an account', 'took 1733080000000 ms', 'took 1733080000000 ms'],
    ['24-hex trace id is not an account', 'trace 1-67a1b2c3-123456789012abcdef012345 ok', 'trace 1-67a1b2c3-123456789012abcdef012345 ok'],
    ['hex run around 12 digits', 'span abc123456789012def', 'span abc123456789012def'],
    ['longer dashed run is not an account', 'card 1234-5678-9012-3456', 'card 1234-5678-9012-3456'],
    [
      'uvicorn access line with client ip and port',
      'INFO:     10.0.3.7:51234 - "POST /invocations HTTP/1.1" 200 OK',
      'INFO:     192.0.2.1:51234 - "POST /invocations HTTP/1.1" 200 OK',
    ],
    ['version strings of three parts stay', 'botocore 1.2.3 on python 3.12.1', 'botocore 1.2.3 on python 3.12.1'],
    // Decision: a standalone valid dotted quad cannot be told from an address, so it is masked even as a
    // version; glued to a letter ("v1.2.3.4") it is a version and stays.
    ['a valid dotted quad is masked, even as a version', 'release 1.2.3.4 (v1.2.3.4)', 'release 192.0.2.1 (v1.2.3.4)'],
    ['dotted digits inside a longer run stay', 'oid 1.2.3.4.5 and 300.1.2.3', 'oid 1.2.3.4.5 and 300.1.2.3'],
    ['loopback and unspecified addresses stay', 'Uvicorn running on http://0.0.0.0:8080 and 127.0.0.1', 'Uvicorn running on http://0.0.0.0:8080 and 127.0.0.1'],
    ['IPv6 with port', 'peer [2600:1f18:abcd::5]:443 up', 'peer [2001:db8::1]:443 up'],
    ['full IPv6', 'from 2600:1f18:0:1:2:3:4:5.', 'from 2001:db8::1.'],
    [
      'times, MACs and scopes are not IPv6',
      '12:30:45 aa:bb:cc:dd:ee:ff std::vector arn:aws:iam::aws:policy/x',
      '12:30:45 aa:bb:cc:dd:ee:ff std::vector arn:aws:iam::aws:policy/x',
    ],
    ['email with a plus tag', 'mail bob+demo@corp.example.org now', 'mail person-1@example.com now'],
    ['mailto link', '[Bob](mailto:bob@corp.com)', '[Bob](mailto:person-1@example.com)'],
    ['JWT inside a header dump', `headers: {'x-amzn-oidc-data': '${JWT}'}`, "headers: {'x-amzn-oidc-data': '[redacted JWT]'}"],
    ['bearer token', `Authorization: Bearer ${JWT}`, 'Authorization: Bearer [redacted token]'],
    ['opaque bearer token', 'authorization: bearer abcDEF0123456789xyz', 'authorization: bearer [redacted token]'],
    ['"Bearer" in prose stays', 'uses a Bearer authentication scheme', 'uses a Bearer authentication scheme'],
    ['access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'key AKIA••••••••••••-1 used'],
    ['temporary access key id', '"AccessKeyId": "ASIAIOSFODNN7EXAMPLE"', '"AccessKeyId": "ASIA••••••••••••-1"'],
    ['secret in a credentials file', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [redacted secret]'],
    ['secret in JSON', '{"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}', '{"SecretAccessKey": "[redacted secret]"}'],
    ['console session id', `session console-${UUID} started`, 'session session-1 started'],
    ['bare UUID session id in JSON', `{"sessionId":"${UUID.toUpperCase()}"}`, '{"sessionId":"session-1"}'],
    [
      'runtime ARN in an OTEL attribute',
      `aws.agentcore.runtime.arn=arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/payments-Xy12 session.id=${UUID}`,
      'aws.agentcore.runtime.arn=arn:aws:bedrock-agentcore:us-east-1:account-A:runtime/payments-Xy12 session.id=session-1',
    ],
  ])('%s', (_, input, expected) => {
    expect(redactText(input, new Pseudonyms())).toBe(expected);
  });

  it('gives two accounts A and B, consistently on every mention', () => {
    const text = 'from 111111111111 to 222222222222, then arn:aws:iam::111111111111:root and 222222222222';
    expect(redactText(text, new Pseudonyms())).toBe('from account-A to account-B, then arn:aws:iam::account-A:root and account-B');
  });

  it('keeps a pseudonym across calls and kinds: a session named in a field, then seen in text', () => {
    const names = new Pseudonyms();
    expect(maskIdentifier('runtimeSession', `console-${UUID}`, names)).toBe('session-1');
    expect(redactText(`resume console-${UUID} and console-${UUID.replace('5f', '6f')}`, names)).toBe('resume session-1 and session-2');
    expect(redactText(`console-${UUID}`, new Pseudonyms())).toBe('session-1');
  });

  it('finds named values of any shape in text, regex specials included', () => {
    const names = new Pseudonyms();
    expect(maskIdentifier('user', 'alice.smith+ops (admin)', names)).toBe('user-1');
    expect(maskIdentifier('user', 'bob', names)).toBe('user-2');
    expect(maskIdentifier('runtimeSession', 'demo-session-42', names)).toBe('session-1');
    expect(redactText('who: alice.smith+ops (admin); bob, bobby, demo-session-42', names)).toBe('who: user-1; user-2, bobby, session-1');
  });

  it('maps a named value that looks like a pseudonym, but leaves issued pseudonyms alone', () => {
    const names = new Pseudonyms();
    expect(maskIdentifier('user', 'user-42', names)).toBe('user-1');
    expect(redactText('user-42 then user-1', names)).toBe('user-1 then user-1');
  });

  it('masks ARN fields: the account and named ids in the resource', () => {
    const names = new Pseudonyms();
    names.name('user', 'alice');
    const arn = `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x/session/${UUID}/alice`;
    expect(maskIdentifier('arn', arn, names)).toBe('arn:aws:bedrock-agentcore:us-east-1:account-A:runtime/x/session/session-1/user-1');
    expect(maskIdentifier('account', '123456789012', names)).toBe('account-A');
    expect(maskIdentifier('arn', 'arn:aws:s3:::my-bucket', names)).toBe('arn:aws:s3:::my-bucket');
  });

  it('formats pseudonyms per kind', () => {
    const names = new Pseudonyms();
    for (let i = 0; i < 27; i++) names.name('account', String(100000000000 + i));
    expect(names.name('account', '100000000025')).toBe('account-Z');
    expect(names.name('account', '100000000026')).toBe('account-AA');
    expect(names.name('accessKey', 'AKIAAAAAAAAAAAAAAAAA')).toBe('AKIA••••••••••••-1');
    expect(names.name('accessKey', 'AKIABBBBBBBBBBBBBBBB')).toBe('AKIA••••••••••••-2');
    expect(names.name('email', 'a@b.co')).toBe('person-1@example.com');
    expect(names.name('ip', '10.1.1.1')).toBe('192.0.2.1');
    expect(names.name('ip', 'fe80::1')).toBe('2001:db8::1');
    expect(names.name('user', 'u')).toBe('user-1');
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    const names = new Pseudonyms();
    names.name('user', 'example');
    names.name('user', 'session');
    const once = redactText(CORPUS, names);
    expect(redactText(once, names)).toBe(once);
    expect(once).not.toMatch(/123456789012|AKIAIOSFODNN7EXAMPLE|bob@corp|10\.0\.3\.7|eyJhbGci/);
  });
});

// Every detector, with ids near chunk-split hazards: adjacent ids, ids at line ends, spaced named values.
const CORPUS = [
  'INFO:     10.0.3.7:51234 - "POST /invocations HTTP/1.1" 200 OK',
  `{"level":"INFO","sessionId":"console-${UUID}","requestId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","arn":"arn:aws:iam::123456789012:role/x"}`,
  `Authorization: Bearer ${JWT}\nx-id: ${JWT}`,
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AKIAIOSFODNN7EXAMPLE',
  'mail bob+demo@corp.example.org, 2600:1f18:abcd::5 and [::1]:80; 1.2.3 1.2.3.4.5 1733080000000',
  'user Alice Smith said hi to Alice Smithers; see https://123456789012.signin.aws.amazon.com',
  'bearer  \tabcDEF0123456789xyz aws_secret_access_key:"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" 1234-5678-9012',
  `a Bearer authentication ${'x'.repeat(5000)}222222222222${'y'.repeat(300)} 222222222222`,
].join('\n');

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('StreamRedactor', () => {
  const named = (): Pseudonyms => {
    const names = new Pseudonyms();
    names.name('user', 'Alice Smith');
    names.name('user', 'demo user');
    return names;
  };

  it('equals redactText of the whole text for 500 random splits', () => {
    const expected = redactText(CORPUS, named());
    const random = seeded(20260101);
    for (let run = 0; run < 500; run++) {
      const stream = new StreamRedactor(named());
      const maxChunk = 1 + Math.floor(random() * (run % 2 ? 8 : 400));
      let out = '';
      for (let at = 0; at < CORPUS.length;) {
        const size = 1 + Math.floor(random() * maxChunk);
        out += stream.push(CORPUS.slice(at, at + size));
        at += size;
      }
      out += stream.end();
      expect(out).toBe(expected);
    }
  });

  it('passes prose through at once, holding back only the last word', () => {
    const stream = new StreamRedactor(new Pseudonyms());
    expect(stream.push('The runtime scaled out to three ')).toBe('The runtime scaled out to three ');
    expect(stream.push('instances in us-east')).toBe('instances in ');
    expect(stream.end()).toBe('us-east');
  });

  it('never shows half an id split across chunks', () => {
    const stream = new StreamRedactor(new Pseudonyms());
    const shown = [stream.push('account 123456'), stream.push('789012 ok '), stream.push('Bearer '), stream.push('abc123def456ghi '), stream.end()];
    expect(shown).toEqual(['account ', 'account-A ok ', '', 'Bearer [redacted token] ', '']);
  });

  it('holds a long run without separators to at most the longest possible match', () => {
    const stream = new StreamRedactor(new Pseudonyms());
    const out = stream.push('z'.repeat(20_000));
    expect(out.length).toBeGreaterThan(20_000 - 4300);
    expect(out + stream.end()).toBe('z'.repeat(20_000));
  });
});

describe('unredactText', () => {
  it('maps every pseudonym this table gave out back to its value', () => {
    const names = new Pseudonyms();
    const original = `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x session ${UUID} by bob@corp.com from 10.0.3.7`;
    const redacted = redactText(original, names);
    expect(redacted).not.toContain('123456789012');
    expect(unredactText(redacted, names)).toBe(original);
  });

  it('maps a pseudonym inside JSON and keeps the longer of two look-alike names apart', () => {
    const names = new Pseudonyms();
    const ids = Array.from({ length: 12 }, (_, i) => `5f2b3c4d-1111-4222-8333-${String(i).padStart(12, '0')}`);
    for (const id of ids) redactText(id, names);
    expect(unredactText('{"sessionId":"session-12"}', names)).toBe(`{"sessionId":"${ids[11]}"}`);
    expect(unredactText('{"sessionId":"session-1"}', names)).toBe(`{"sessionId":"${ids[0]}"}`);
  });

  it.each([
    ['a pseudonym never given out', 'account-Z and session-9'],
    ['a pseudonym glued into a longer word', 'xaccount-A and session-1x'],
    ['an empty table', 'account-A'],
  ])('leaves %s alone', (label, text) => {
    const names = new Pseudonyms();
    if (label !== 'an empty table') redactText(`123456789012 ${UUID}`, names);
    expect(unredactText(text, names)).toBe(text);
  });

  it('original() answers only for names this table gave out', () => {
    const names = new Pseudonyms();
    expect(maskIdentifier('account', '123456789012', names)).toBe('account-A');
    expect(names.original('account-A')).toBe('123456789012');
    expect(names.original('account-B')).toBeUndefined();
  });
});
