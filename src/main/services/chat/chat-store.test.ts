import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { EncryptedSecretStore, MemorySecretStore, type StringCipher } from '../secrets/secret-store';
import { openDatabase, openMemoryDatabase } from '../store/database';
import { MessageSearchIndex } from '../store/message-index';
import { ChatStore } from './chat-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const newSession = {
  id: 's1',
  agentKey: 'p|us-east-1|runtime|a-1',
  agentName: 'a',
  qualifier: 'DEFAULT',
  runtimeSessionId: 'console-' + '0'.repeat(36),
  title: 'New chat',
  createdAt: 1,
};

describe('ChatStore', () => {
  it('keeps a reply that was streaming when the app died, marked incomplete, and makes it searchable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chat-store-'));
    dirs.push(dir);
    const first = openDatabase(dir, silentLogger).db;
    const store = new ChatStore(first);
    store.createSession(newSession);
    store.addMessage({ sessionId: 's1', role: 'user', text: 'check the pods', state: 'complete', createdAt: 2 });
    const reply = store.addMessage({ sessionId: 's1', role: 'assistant', text: '', state: 'streaming', createdAt: 3 });
    store.appendChunk(reply.id, 0, 'payment-service is ');
    store.appendChunk(reply.id, 1, 'crashlooping');
    expect(store.message(reply.id)?.text).toBe('payment-service is crashlooping');
    first.close(); // no finish: the process "crashed"

    const second = openDatabase(dir, silentLogger).db;
    const reopened = new ChatStore(second);
    expect(reopened.recoverInterrupted()).toBe(1);
    const recovered = reopened.message(reply.id);
    expect(recovered).toMatchObject({ state: 'incomplete', text: 'payment-service is crashlooping', error: { code: 'interrupted' } });
    expect((await new MessageSearchIndex(second).search('crashlooping')).map((h) => h.messageId)).toEqual([reply.id]);
    second.close();
  });

  it('lists sessions per agent with counts, pinned first, and renames', () => {
    const store = new ChatStore(openMemoryDatabase());
    store.createSession(newSession);
    store.createSession({ ...newSession, id: 's2', createdAt: 5 });
    store.createSession({ ...newSession, id: 's3', agentKey: 'p|us-east-1|runtime|other-1' });
    store.addMessage({ sessionId: 's1', role: 'user', text: 'x', state: 'complete', createdAt: 9 });
    store.updateSession('s2', { pinned: true, title: 'Pinned one' });
    const list = store.listSessions(newSession.agentKey);
    expect(list.map((s) => [s.id, s.messageCount, s.pinned, s.title])).toEqual([
      ['s2', 0, true, 'Pinned one'],
      ['s1', 1, false, 'New chat'],
    ]);
    expect(store.deleteSession('s1')).toBe(true);
    expect(store.messages('s1')).toEqual([]);
  });
});

describe('secret stores', () => {
  const cipher = (available = true): StringCipher & { seen: string[] } => {
    const seen: string[] = [];
    return {
      seen,
      isEncryptionAvailable: () => available,
      encryptString: (plain) => {
        seen.push(plain);
        return Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a));
      },
      decryptString: (buf) => Buffer.from([...buf].map((b) => b ^ 0x5a)).toString(),
    };
  };

  it('writes only ciphertext to SQLite and reads it back after a restart', () => {
    const db = openMemoryDatabase();
    const store = new EncryptedSecretStore(db, cipher());
    expect(store.set('bearer:x', 'eyJhbGciOi.payload.sig')).toBe('encrypted');
    const row = db.prepare('SELECT ciphertext FROM encrypted_secrets').get() as { ciphertext: Buffer };
    expect(row.ciphertext.toString()).not.toContain('eyJhbGciOi');
    expect(new EncryptedSecretStore(db, cipher()).get('bearer:x')).toBe('eyJhbGciOi.payload.sig');
  });

  it('fails closed to memory when the OS has no encryption', () => {
    const db = openMemoryDatabase();
    const store = new EncryptedSecretStore(db, cipher(false));
    expect(store.set('bearer:x', 'token.a.b')).toBe('memory');
    expect(store.get('bearer:x')).toBe('token.a.b');
    expect(db.prepare('SELECT count(*) AS n FROM encrypted_secrets').get()).toEqual({ n: 0 });
    const memory = new MemorySecretStore();
    memory.set('k', 'v');
    expect(memory.storageOf('k')).toBe('memory');
  });

  it('finds the chat session behind a runtime session id, current or from an earlier turn, and nothing for a stranger', () => {
    const store = new ChatStore(openMemoryDatabase());
    store.createSession(newSession);
    const earlier = 'console-' + '1'.repeat(36);
    store.addMessage({ sessionId: 's1', role: 'user', text: 'x', state: 'complete', createdAt: 2, meta: { runtimeSessionId: earlier } });
    store.renewRuntimeSession('s1', 'console-' + '2'.repeat(36));
    expect(store.sessionByRuntimeSession('console-' + '2'.repeat(36))?.id).toBe('s1');
    expect(store.sessionByRuntimeSession(earlier)?.id).toBe('s1');
    expect(store.sessionByRuntimeSession(newSession.runtimeSessionId)).toBeUndefined();
    expect(store.sessionByRuntimeSession('cli-session-' + '9'.repeat(30))).toBeUndefined();
  });
});
