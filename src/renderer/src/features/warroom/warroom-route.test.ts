import { describe, expect, it } from 'vitest';
import { parseWarRoomQuery, warRoomQuery } from './warroom-route';

const a = 'demo|us-east-1|runtime|checkout-a1';
const b = 'demo|eu-west-1|runtime|search-b2';

describe('war room route', () => {
  it('defaults to the failing agents, refreshed every 5 s, with the incident panel', () => {
    expect(parseWarRoomQuery({})).toEqual({ selection: { kind: 'failing' }, refreshSeconds: 5, panel: true });
    expect(warRoomQuery(parseWarRoomQuery({}))).toEqual({});
  });

  it('reads back the agents it wrote, in order, without duplicates', () => {
    const query = warRoomQuery({ selection: { kind: 'agents', agentKeys: [a, b] }, refreshSeconds: 30, panel: false });
    expect(query).toEqual({ show: 'agents', agents: `${a},${b}`, every: '30', panel: 'off' });
    expect(parseWarRoomQuery(query)).toEqual({ selection: { kind: 'agents', agentKeys: [a, b] }, refreshSeconds: 30, panel: false });
    expect(parseWarRoomQuery({ show: 'agents', agents: `${a},${a}` }).selection).toEqual({ kind: 'agents', agentKeys: [a] });
  });

  it('drops what is not a runtime key, and falls back to failing when no agent is left', () => {
    expect(parseWarRoomQuery({ show: 'agents', agents: `demo|us-east-1|memory|m1,<script>,${b}` }).selection).toEqual({ kind: 'agents', agentKeys: [b] });
    expect(parseWarRoomQuery({ show: 'agents', agents: 'nonsense' }).selection).toEqual({ kind: 'failing' });
  });

  it('refuses refresh intervals it does not offer', () => {
    expect(parseWarRoomQuery({ every: '1' }).refreshSeconds).toBe(5);
    expect(parseWarRoomQuery({ every: '60' }).refreshSeconds).toBe(60);
  });
});
