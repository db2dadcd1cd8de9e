import { ThrottlingException } from '@aws-sdk/client-bedrock-agentcore-control';
import { describe, expect, it } from 'vitest';
import { describeAwsError, isThrottling } from './describe-error';

describe('describeAwsError', () => {
  it('keeps the AWS error code and status of a typed SDK exception', () => {
    const error = new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } });
    const described = describeAwsError(error);
    expect(described).toMatchObject({ code: 'ThrottlingException', message: 'Rate exceeded', status: 429, retryable: true });
    expect(isThrottling(described)).toBe(true);
  });

  it("takes CloudWatch's query-compatible Throttling (HTTP 400) for throttling, so it is backed off like the others", () => {
    const described = describeAwsError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }));
    expect(isThrottling(described)).toBe(true);
    expect(described.retryable).toBe(true);
  });

  it('explains a non-JSON error body with its status and an excerpt', () => {
    const error = Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), {
      $metadata: { httpStatusCode: 502 },
      $response: { statusCode: 502, body: '<html>Bad Gateway</html>' },
    });
    const described = describeAwsError(error);
    expect(described.code).toBe('MalformedResponse');
    expect(described.message).toContain('HTTP 502');
    expect(described.message).toContain('<html>Bad Gateway</html>');
  });

  it('points at the clock for a signature-expired error', () => {
    const error = Object.assign(new Error('Signature expired: 20261128T100000Z is now earlier than 20261128T100500Z'), { name: 'InvalidSignatureException' });
    expect(describeAwsError(error).message).toMatch(/clock may be wrong/);
  });

  it('names DNS failures', () => {
    expect(describeAwsError(new Error('getaddrinfo ENOTFOUND bedrock-agentcore-control.xx-fake-1.amazonaws.com')).message).toMatch(/DNS lookup failed/);
  });

  it('never echoes a key found in a message', () => {
    expect(describeAwsError(new Error('The security token AKIAIOSFODNN7EXAMPLE is invalid')).message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
