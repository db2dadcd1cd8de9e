import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-url';

describe('safeExternalUrl', () => {
  it('accepts absolute https URLs', () => {
    expect(safeExternalUrl('https://docs.aws.amazon.com/bedrock-agentcore/')?.hostname).toBe('docs.aws.amazon.com');
  });

  it.each(['http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', '/relative', 'https://user:pw@example.com', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(safeExternalUrl(url)).toBeNull();
    },
  );
});
