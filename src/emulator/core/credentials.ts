/**
 * Which access keys the emulator accepts. The well-known demo key always works
 * (it is what `npm run emulator` prints); the SSO portal module issues
 * short-lived keys through `issue`, and they expire like real role credentials
 * so the console's refresh path gets exercised.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialRegistry, IssuedCredentials } from './types';

export const EMULATOR_CREDENTIALS = {
  accessKeyId: 'AKIDEMULATOR0000DEMO',
  secretAccessKey: 'emulator-secret-key',
} as const;

export class InMemoryCredentialRegistry implements CredentialRegistry {
  private readonly issued = new Map<string, IssuedCredentials>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(ttlMs: number): IssuedCredentials {
    const creds: IssuedCredentials = {
      // ASIA prefix: what STS/SSO temporary keys look like.
      accessKeyId: 'ASIA' + randomBytes(8).toString('hex').toUpperCase(),
      secretAccessKey: randomBytes(20).toString('base64'),
      sessionToken: randomBytes(48).toString('base64'),
      expiration: this.now() + ttlMs,
    };
    this.issued.set(creds.accessKeyId, creds);
    return creds;
  }

  check(accessKeyId: string): 'valid' | 'expired' | 'unknown' {
    if (accessKeyId === EMULATOR_CREDENTIALS.accessKeyId) return 'valid';
    const creds = this.issued.get(accessKeyId);
    if (!creds) return 'unknown';
    return creds.expiration > this.now() ? 'valid' : 'expired';
  }

  secretFor(accessKeyId: string): string | undefined {
    if (accessKeyId === EMULATOR_CREDENTIALS.accessKeyId) return EMULATOR_CREDENTIALS.secretAccessKey;
    return this.issued.get(accessKeyId)?.secretAccessKey;
  }

  reset(): void {
    this.issued.clear();
  }
}
