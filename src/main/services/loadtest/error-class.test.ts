import { describe, expect, it } from 'vitest';
import { classifyError, classifyStatus } from './error-class';

const sdkError = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, $metadata: status ? { httpStatusCode: status } : {} });

describe('error classes', () => {
  it('names throttling, dependency, server, client and network failures', () => {
    expect(classifyError(sdkError('ThrottlingException', 429), false)).toMatchObject({ errorClass: 'throttled', status: 429, code: 'ThrottlingException' });
    expect(classifyError(sdkError('ThrottlingException'), false).errorClass).toBe('throttled');
    expect(classifyError(sdkError('RuntimeClientError', 424), false).errorClass).toBe('dependency');
    expect(classifyError(sdkError('InternalServerException', 500), false).errorClass).toBe('server');
    expect(classifyError(sdkError('ServiceUnavailableException', 503), false).errorClass).toBe('server');
    expect(classifyError(sdkError('ResourceNotFoundException', 404), false)).toMatchObject({ errorClass: 'client', code: 'ResourceNotFoundException' });
    expect(classifyError(sdkError('AccessDeniedException', 403), false).errorClass).toBe('client');
    expect(classifyError(new Error('connect ECONNREFUSED 127.0.0.1:1'), false)).toMatchObject({ errorClass: 'network', status: null });
  });

  it('calls a request the scenario gave up on a timeout, whatever was thrown', () => {
    expect(classifyError(sdkError('AbortError'), true)).toMatchObject({ errorClass: 'timeout', status: null });
  });

  it('classifies a bare status', () => {
    expect([429, 424, 502, 400, null].map((s) => classifyStatus(s))).toEqual(['throttled', 'dependency', 'server', 'client', 'network']);
  });
});
