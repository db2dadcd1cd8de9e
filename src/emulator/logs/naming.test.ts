import { describe, expect, it } from 'vitest';
import { groupNameFromIdentifier, logGroupArn, runtimeGroupName, runtimeStreamName } from './naming';
import { jsonWithNanos, nanos, toOtelTraceId } from './line-gen';

describe('log naming', () => {
  it('names runtime groups and streams like AgentCore', () => {
    expect(runtimeGroupName('sre_supervisor-THblwPxDYu', 'DEFAULT')).toBe('/aws/bedrock-agentcore/runtimes/sre_supervisor-THblwPxDYu-DEFAULT');
    const stream = runtimeStreamName(1, 'g', Date.UTC(2026, 10, 28, 23, 59), 0);
    expect(stream).toMatch(/^2026\/11\/28\/\[runtime-logs\][0-9a-f-]{36}$/);
    expect(runtimeStreamName(1, 'g', Date.UTC(2026, 10, 28, 1), 0)).toBe(stream);
    expect(runtimeStreamName(1, 'g', Date.UTC(2026, 10, 28, 1), 1)).not.toBe(stream);
  });

  it('accepts names and ARNs (with or without :*) as group identifiers', () => {
    const arn = logGroupArn('us-east-1', '123456789012', '/aws/x');
    expect(groupNameFromIdentifier(arn)).toBe('/aws/x');
    expect(groupNameFromIdentifier(`${arn}:*`)).toBe('/aws/x');
    expect(groupNameFromIdentifier('aws/spans')).toBe('aws/spans');
  });

  it('keeps nanosecond timestamps exact and trace ids in OTEL form', () => {
    expect(nanos(1764331200123)).toBe('1764331200123000000');
    expect(jsonWithNanos({ t: `__ns:${nanos(1764331200123)}` })).toBe('{"t":1764331200123000000}');
    expect(toOtelTraceId('1-6745a1b2-0123456789abcdef01234567')).toBe('6745a1b20123456789abcdef01234567');
  });
});
