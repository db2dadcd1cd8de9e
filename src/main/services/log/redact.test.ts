import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactString } from './redact';

describe('redact', () => {
  it('hides secret-named fields at any depth', () => {
    const out = redact({ profile: 'prod', credentials: { accessKeyId: 'AKIA0000', secretAccessKey: 's' }, nested: [{ refreshToken: 'r' }] });
    expect(out).toEqual({ profile: 'prod', credentials: REDACTED, nested: [{ refreshToken: REDACTED }] });
  });

  it('hides secrets by shape inside free text', () => {
    const text = redactString('call failed: key AKIAIOSFODNN7EXAMPLE, header Bearer abc.def-123456789, url http://x/?token=s3cr3t&y=1');
    expect(text).not.toMatch(/AKIAIOSFODNN7EXAMPLE|abc\.def-123456789|s3cr3t/);
    expect(text).toContain('token=[redacted]&y=1');
  });

  it('leaves ordinary values alone', () => {
    expect(redact({ region: 'us-east-1', sessionId: 'a'.repeat(40), count: 3 })).toEqual({ region: 'us-east-1', sessionId: 'a'.repeat(40), count: 3 });
  });
});
