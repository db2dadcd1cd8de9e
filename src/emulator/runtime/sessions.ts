/**
 * Runtime sessions. A session is born on its first invoke (that call pays the
 * cold start), lives while calls keep arriving within the runtime's
 * idleRuntimeSessionTimeout, dies at maxLifetime, and can be stopped
 * explicitly (StopRuntimeSession), which also cuts its in-flight streams.
 */
export interface Session {
  runtimeArn: string;
  sessionId: string;
  createdAt: number;
  lastActivity: number;
  turns: number;
  active: Set<AbortController>;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private calls = 0;

  constructor(private readonly now: () => number) {}

  /** Starts or continues a session; `isNew` means the caller should pay a cold start. */
  begin(runtimeArn: string, sessionId: string, idleTimeoutS: number, maxLifetimeS: number): { session: Session; isNew: boolean } {
    const now = this.now();
    if (++this.calls % 1000 === 0) this.sweep(now);
    const key = `${runtimeArn}\n${sessionId}`;
    let session = this.sessions.get(key);
    const expired = session && (now - session.lastActivity > idleTimeoutS * 1000 || now - session.createdAt > maxLifetimeS * 1000);
    const isNew = !session || Boolean(expired);
    if (!session || expired) {
      session = { runtimeArn, sessionId, createdAt: now, lastActivity: now, turns: 0, active: new Set() };
      this.sessions.set(key, session);
    }
    session.turns++;
    session.lastActivity = now;
    return { session, isNew };
  }

  /** Ends a session and aborts its running invocations. False when there was no live session. */
  stop(runtimeArn: string, sessionId: string): boolean {
    const key = `${runtimeArn}\n${sessionId}`;
    const session = this.sessions.get(key);
    if (!session) return false;
    for (const ctrl of session.active) ctrl.abort();
    this.sessions.delete(key);
    return true;
  }

  get size(): number {
    return this.sessions.size;
  }

  reset(): void {
    for (const s of this.sessions.values()) for (const ctrl of s.active) ctrl.abort();
    this.sessions.clear();
  }

  /** Drops sessions idle for more than a day, so a long-running emulator doesn't grow forever. */
  private sweep(now: number): void {
    for (const [key, s] of this.sessions) if (now - s.lastActivity > 86_400_000 && s.active.size === 0) this.sessions.delete(key);
  }
}
