/** The local audit trail of memory deletes: what, when, where (profile, account, region) and what came of it. */
import type { MemoryAuditEntry } from '../../../shared/memory';
import type { Db } from '../store/database';

interface AuditRow {
  id: number;
  at: number;
  action: MemoryAuditEntry['action'];
  memory_key: string;
  memory_name: string;
  targets: string;
  profile: string;
  account_id: string;
  region: string;
  result: MemoryAuditEntry['result'];
  detail: string;
}

export class MemoryAudit {
  private readonly insert;
  private readonly recent;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO memory_audit (at, action, memory_key, memory_name, targets, profile, account_id, region, result, detail)
       VALUES (@at, @action, @memoryKey, @memoryName, @targets, @profile, @accountId, @region, @result, @detail)`,
    );
    this.recent = db.prepare<[number], AuditRow>('SELECT * FROM memory_audit ORDER BY at DESC, id DESC LIMIT ?');
  }

  record(entry: Omit<MemoryAuditEntry, 'id'>): void {
    this.insert.run({ ...entry, targets: JSON.stringify(entry.targets) });
  }

  list(limit: number): MemoryAuditEntry[] {
    return this.recent.all(limit).map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      memoryKey: r.memory_key,
      memoryName: r.memory_name,
      targets: JSON.parse(r.targets) as string[],
      profile: r.profile,
      accountId: r.account_id,
      region: r.region,
      result: r.result,
      detail: r.detail,
    }));
  }
}
