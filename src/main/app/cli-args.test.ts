import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './cli-args';

describe('parseHostArgs', () => {
  it('reads --demo, --port and --data-dir in both spellings', () => {
    expect(parseHostArgs(['--demo', '--port', '8080', '--data-dir=/tmp/x'])).toEqual({ demo: true, port: 8080, dataDir: '/tmp/x' });
  });

  it('defaults to a random port and the real data source', () => {
    expect(parseHostArgs([])).toEqual({ demo: false, port: 0 });
  });

  it('collects repeated --agent name=url flags in both spellings', () => {
    expect(
      parseHostArgs(['--agent', 'my_agent=http://127.0.0.1:8080', '--agent=other=http://localhost:9000/', '--agent', 'tls=https://127.0.0.1:8443']).agents,
    ).toEqual([
      { name: 'my_agent', url: 'http://127.0.0.1:8080' },
      { name: 'other', url: 'http://localhost:9000' },
      { name: 'tls', url: 'https://127.0.0.1:8443' },
    ]);
  });

  it.each([
    [['--agent', 'my_agent'], /--agent expects name=url/],
    [['--agent', 'my_agent=127.0.0.1:8080'], /'127.0.0.1:8080' is not a URL \(expected e.g. http:\/\/127.0.0.1:8080\)/],
    [['--agent', 'my_agent=localhost:8080'], /'localhost:8080' is not an http:\/\/ or https:\/\/ URL/],
    [['--agent', 'my_agent=not a url'], /'not a url' is not a URL/],
    [['--agent', 'my_agent=ftp://127.0.0.1/'], /is not an http:\/\/ or https:\/\/ URL/],
    [['--agent'], /--agent needs a value/],
  ])('explains a bad --agent: %j', (argv, message) => {
    expect(() => parseHostArgs(argv)).toThrow(message);
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--data-dir'], /--data-dir needs a value/],
    [['--demoo'], /unknown option --demoo/],
  ])('explains a bad flag: %j', (argv, message) => {
    expect(() => parseHostArgs(argv)).toThrow(message);
  });

  it("tolerates Chromium's own switches (Electron passes them through)", () => {
    expect(parseHostArgs(['--no-sandbox', '--disable-gpu'])).toEqual({ demo: false, port: 0 });
  });
});
