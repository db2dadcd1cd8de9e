import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authoritiesFor, hostAllowed, originAllowed } from './web-auth';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('the Host and Origin a listener answers to', () => {
  it('a loopback listener answers under each loopback name, on its own port only', () => {
    const loopback = authoritiesFor('127.0.0.1', 4100);
    expect(loopback).toEqual(['127.0.0.1:4100', 'localhost:4100', '[::1]:4100']);
    expect(hostAllowed(req({ host: 'localhost:4100' }), loopback)).toBe(true);
    expect(hostAllowed(req({ host: 'localhost:4101' }), loopback)).toBe(false);
    expect(hostAllowed(req({}), loopback)).toBe(false);
  });

  it.each([
    ['192.168.1.20', '192.168.1.20:4100'],
    ['fd00::20', '[fd00::20]:4100'],
  ])('a LAN listener on %s answers only as %s, not as loopback or a rebinding name', (address, authority) => {
    const lan = authoritiesFor(address, 4100);
    expect(lan).toEqual([authority]);
    expect(hostAllowed(req({ host: authority }), lan)).toBe(true);
    for (const other of ['127.0.0.1:4100', 'localhost:4100', 'evil.example:4100']) expect(hostAllowed(req({ host: other }), lan)).toBe(false);
    expect(originAllowed(req({ origin: `http://${authority}` }), lan)).toBe(true);
    expect(originAllowed(req({ origin: 'http://localhost:4100' }), lan)).toBe(false);
  });
});
