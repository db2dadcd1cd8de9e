import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-url';

describe('safeExternalUrl', () => {
  it('accepts absolute https URLs', () => {
    expect(safeExternalUrl('https://docs.aws.amazon.com/bedrock-agentcore/')?.hostname).toBe('docs.aws.amazon.com');
  });

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '/relative',
    'https://user:pw@example.com',
    'not a url',
    'http://127.0.0.1:4566/',
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('accepts loopback http only when the caller allows it (the local emulator’s sign-in page)', () => {
    expect(safeExternalUrl('http://127.0.0.1:4566/sso/approve?code=ABCD', { allowLoopbackHttp: true })?.port).toBe('4566');
    expect(safeExternalUrl('http://localhost:4566/', { allowLoopbackHttp: true })).not.toBeNull();
    expect(safeExternalUrl('http://[::1]:4566/', { allowLoopbackHttp: true })).not.toBeNull();
    expect(safeExternalUrl('http://example.com/', { allowLoopbackHttp: true })).toBeNull();
    expect(safeExternalUrl('http://user:pw@127.0.0.1/', { allowLoopbackHttp: true })).toBeNull();
  });
});
