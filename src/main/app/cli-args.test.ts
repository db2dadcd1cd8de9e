import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './cli-args';

describe('parseHostArgs', () => {
  it('reads --demo, --port and --data-dir in both spellings', () => {
    expect(parseHostArgs(['--demo', '--port', '8080', '--data-dir=/tmp/x'])).toEqual({ demo: true, port: 8080, dataDir: '/tmp/x' });
  });

  it('defaults to a random port and the real data source', () => {
    expect(parseHostArgs([])).toEqual({ demo: false, port: 0 });
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
