/**
 * Secrets the main process holds for the user (OAuth agents' bearer tokens).
 *
 * Never plaintext on disk: `EncryptedSecretStore` persists only what the
 * injected cipher returns — in the desktop app, Electron's safeStorage (the OS
 * keychain), wired by src/main/index.ts, since services never import
 * electron. When the OS offers no encryption it fails closed, like
 * podman-desktop: secrets stay in memory for this run and the caller is told
 * (`storage: 'memory'`); no key is ever invented.
 */
import type { Db } from '../store/database';

export type SecretStorage = 'encrypted' | 'memory';

export interface SecretStore {
  get(name: string): string | undefined;
  /** Where the value now lives. */
  set(name: string, value: string): SecretStorage;
  delete(name: string): void;
  storageOf(name: string): SecretStorage | 'none';
}

/** The shape of Electron's safeStorage, so it can be passed in as is. */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  set(name: string, value: string): SecretStorage {
    this.values.set(name, value);
    return 'memory';
  }

  delete(name: string): void {
    this.values.delete(name);
  }

  storageOf(name: string): SecretStorage | 'none' {
    return this.values.has(name) ? 'memory' : 'none';
  }
}

export class EncryptedSecretStore implements SecretStore {
  private readonly memory = new MemorySecretStore();
  private readonly stmts;

  constructor(
    db: Db,
    private readonly cipher: StringCipher,
    private readonly onError: (message: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.stmts = {
      get: db.prepare<[string], { ciphertext: Buffer }>('SELECT ciphertext FROM encrypted_secrets WHERE name = ?'),
      put: db.prepare<[string, Buffer, number]>(
        'INSERT INTO encrypted_secrets (name, ciphertext, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at',
      ),
      delete: db.prepare<[string]>('DELETE FROM encrypted_secrets WHERE name = ?'),
    };
  }

  get(name: string): string | undefined {
    const inMemory = this.memory.get(name);
    if (inMemory !== undefined) return inMemory;
    const row = this.stmts.get.get(name);
    if (!row || !this.cipher.isEncryptionAvailable()) return undefined;
    try {
      return this.cipher.decryptString(row.ciphertext);
    } catch (error) {
      // A keychain change makes old ciphertext unreadable: ask for the secret again rather than fail every call.
      this.onError(`stored secret "${name}" could not be decrypted (${error instanceof Error ? error.message : String(error)}); it must be set again`);
      return undefined;
    }
  }

  set(name: string, value: string): SecretStorage {
    if (!this.cipher.isEncryptionAvailable()) {
      this.stmts.delete.run(name);
      return this.memory.set(name, value);
    }
    this.stmts.put.run(name, this.cipher.encryptString(value), this.now());
    this.memory.delete(name);
    return 'encrypted';
  }

  delete(name: string): void {
    this.memory.delete(name);
    this.stmts.delete.run(name);
  }

  storageOf(name: string): SecretStorage | 'none' {
    if (this.memory.storageOf(name) === 'memory') return 'memory';
    return this.stmts.get.get(name) ? 'encrypted' : 'none';
  }
}
