/**
 * What this console's own chats saw of the agents: cold starts (each reply
 * stores `meta.metrics.coldStart`) and failed invocations (a reply that
 * stored an error; stopping a reply or closing the console is not a failure
 * of the agent).
 */
import type { Db } from '../store/database';

export interface FailedInvocation {
  messageId: number;
  at: number;
  agentKey: string;
  agentName: string;
  code: string;
  message: string;
}

const NOT_THE_AGENT = ['stopped', 'interrupted'];

export class ChatActivity {
  private readonly coldStmt;
  private readonly failedStmt;

  constructor(db: Db) {
    // Sessions touched since `from` hold every message created since then (last_activity_at only grows).
    this.coldStmt = db.prepare<[number, number, number], { agent_key: string; n: number }>(
      `SELECT s.agent_key, count(*) AS n FROM chat_sessions s JOIN chat_messages m ON m.session_id = s.id
        WHERE s.last_activity_at >= ? AND m.role = 'assistant' AND m.created_at >= ? AND m.created_at < ?
          AND json_extract(m.meta, '$.metrics.coldStart') = 1
        GROUP BY s.agent_key`,
    );
    this.failedStmt = db.prepare<
      [number, number, number],
      { id: number; at: number; agent_key: string; agent_name: string; code: string | null; message: string | null }
    >(
      `SELECT m.id, m.created_at AS at, s.agent_key, s.agent_name,
              json_extract(m.meta, '$.error.code') AS code, json_extract(m.meta, '$.error.message') AS message
         FROM chat_sessions s JOIN chat_messages m ON m.session_id = s.id
        WHERE s.last_activity_at >= ? AND m.role = 'assistant' AND m.created_at >= ? AND m.created_at < ?
          AND json_extract(m.meta, '$.error') IS NOT NULL
        ORDER BY m.created_at, m.id`,
    );
  }

  coldStarts(from: number, to: number): Map<string, number> {
    return new Map(this.coldStmt.all(from, from, to).map((r) => [r.agent_key, r.n]));
  }

  failedInvocations(agentKeys: readonly string[], from: number, to: number): FailedInvocation[] {
    const wanted = new Set(agentKeys);
    return this.failedStmt
      .all(from, from, to)
      .filter((r) => wanted.has(r.agent_key) && !NOT_THE_AGENT.includes(r.code ?? ''))
      .map((r) => ({
        messageId: r.id,
        at: r.at,
        agentKey: r.agent_key,
        agentName: r.agent_name || r.agent_key.split('|').pop() || r.agent_key,
        code: r.code ?? 'error',
        message: r.message ?? '',
      }));
  }
}
