import { describe, expect, it } from 'vitest';
import { metricsQuery, parseMetricsQuery, toMetricRange } from './metrics-route';

const A = 'default|us-east-1|runtime|sre_supervisor-AbC123';
const M = 'default|us-east-1|memory|notes-XyZ';

describe('metrics routes', () => {
  it('is the fleet view without an agent, and the last hour of DEFAULT by default', () => {
    expect(parseMetricsQuery({})).toEqual({ agent: null, resource: null, endpoint: 'DEFAULT', range: { kind: 'preset', preset: '1h' } });
    expect(parseMetricsQuery({ agent: 'not-a-key' }).agent).toBeNull();
    expect(parseMetricsQuery({ agent: M }).agent).toBeNull();
  });

  it('reads an agent, its endpoint and a preset, refusing unknown presets and bad endpoints', () => {
    expect(parseMetricsQuery({ agent: A, endpoint: 'prod', range: '7d' })).toEqual({
      agent: A,
      resource: null,
      endpoint: 'prod',
      range: { kind: 'preset', preset: '7d' },
    });
    expect(parseMetricsQuery({ agent: A, range: 'forever' }).range).toEqual({ kind: 'preset', preset: '1h' });
    expect(parseMetricsQuery({ agent: A, endpoint: 'bad endpoint!' }).endpoint).toBe('DEFAULT');
  });

  it('takes from/to over a preset, and ignores bounds that end before they start', () => {
    expect(parseMetricsQuery({ agent: A, from: '10', to: '20', range: '6h' }).range).toEqual({ kind: 'absolute', from: 10, to: 20 });
    expect(parseMetricsQuery({ agent: A, from: '20', to: '10', range: '6h' }).range).toEqual({ kind: 'preset', preset: '6h' });
    expect(parseMetricsQuery({ agent: A, from: '-5', to: '10' }).range).toEqual({ kind: 'preset', preset: '1h' });
  });

  it('reads a memory or gateway resource, and an agent wins over it', () => {
    expect(parseMetricsQuery({ resource: M })).toMatchObject({ agent: null, resource: M });
    expect(parseMetricsQuery({ resource: A }).resource).toBeNull();
    expect(parseMetricsQuery({ agent: A, resource: M }).resource).toBeNull();
  });

  it('writes a view back, defaults left out, and round-trips', () => {
    expect(metricsQuery({ agent: A, endpoint: 'DEFAULT', range: { kind: 'preset', preset: '1h' } })).toEqual({ agent: A });
    const view = { agent: A, resource: null, endpoint: 'prod', range: { kind: 'absolute' as const, from: 1, to: 2 } };
    expect(metricsQuery(view)).toEqual({ agent: A, endpoint: 'prod', from: '1', to: '2' });
    expect(parseMetricsQuery(metricsQuery(view))).toEqual(view);
    expect(metricsQuery({ resource: M, range: { kind: 'preset', preset: '24h' } })).toEqual({ resource: M, range: '24h' });
  });

  it('gives the contract its range', () => {
    expect(toMetricRange({ kind: 'preset', preset: '6h' })).toEqual({ preset: '6h' });
    expect(toMetricRange({ kind: 'absolute', from: 1, to: 2 })).toEqual({ startTime: 1, endTime: 2 });
  });
});
