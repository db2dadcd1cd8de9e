/**
 * Deletes from AgentCore Memory. Each one must be confirmed by naming what
 * goes (the same phrase the dialog asks the user to type), and each is
 * written to the audit table whatever its outcome — a batch that fails half
 * way says exactly which records went and which stayed.
 */
import { BatchDeleteMemoryRecordsCommand, DeleteEventCommand, DeleteMemoryRecordCommand } from '@aws-sdk/client-bedrock-agentcore';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors';
import { deleteConfirmation, type DeleteRecordsResult, type MemoryAuditEntry, type memoryInputs } from '../../../shared/memory';
import type { Logger } from '../log/logger';
import type { MemoryAudit } from './memory-audit';
import { memoryApiError } from './memory-errors';
import type { MemoryTarget, MemoryTargets } from './memory-target';

type In<K extends keyof typeof memoryInputs> = z.output<(typeof memoryInputs)[K]>;

function checkConfirmation(ids: readonly string[], typed: string): void {
  const expected = deleteConfirmation(ids);
  if (typed.trim() !== expected) throw new ApiError('invalid_input', `To delete, type "${expected}" exactly.`, { field: 'confirmation', expected });
}

export class MemoryDeletes {
  constructor(
    private readonly targets: MemoryTargets,
    private readonly audit: MemoryAudit,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async deleteEvent(input: In<'deleteEvent'>): Promise<{ deleted: true }> {
    checkConfirmation([input.eventId], input.confirmation);
    const target = this.targets(input.key);
    try {
      await target.client.send(
        new DeleteEventCommand({ memoryId: target.memoryId, actorId: input.actorId, sessionId: input.sessionId, eventId: input.eventId }),
      );
    } catch (error) {
      const failure = memoryApiError(error, 'DeleteEvent', `Event ${input.eventId}`);
      this.write(target, 'delete-event', [input.eventId], 'failed', failure.message);
      throw failure;
    }
    this.write(target, 'delete-event', [input.eventId], 'ok', `Deleted event ${input.eventId} of ${input.actorId} / ${input.sessionId}.`);
    return { deleted: true };
  }

  /** One record through DeleteMemoryRecord, several through BatchDeleteMemoryRecords (which answers per record). */
  async deleteRecords(input: In<'deleteRecords'>): Promise<DeleteRecordsResult> {
    const ids = [...new Set(input.records.map((r) => r.recordId))];
    checkConfirmation(ids, input.confirmation);
    const target = this.targets(input.key);
    const result = ids.length === 1 ? await this.deleteOne(target, ids[0] ?? '') : await this.deleteBatch(target, input.records);
    const outcome = result.failed.length === 0 ? 'ok' : result.deleted.length === 0 ? 'failed' : 'partial';
    const detail = [
      result.deleted.length ? `Deleted ${result.deleted.length} of ${ids.length}.` : `Deleted none of ${ids.length}.`,
      ...result.failed.map((f) => `${f.recordId} stayed: ${f.message}`),
    ].join(' ');
    this.write(target, 'delete-records', ids, outcome, detail);
    return result;
  }

  private async deleteOne(target: MemoryTarget, recordId: string): Promise<DeleteRecordsResult> {
    try {
      await target.client.send(new DeleteMemoryRecordCommand({ memoryId: target.memoryId, memoryRecordId: recordId }));
      return { deleted: [recordId], failed: [] };
    } catch (error) {
      return { deleted: [], failed: [{ recordId, message: memoryApiError(error, 'DeleteMemoryRecord', `Memory record ${recordId}`).message }] };
    }
  }

  private async deleteBatch(target: MemoryTarget, records: In<'deleteRecords'>['records']): Promise<DeleteRecordsResult> {
    try {
      const out = await target.client.send(
        new BatchDeleteMemoryRecordsCommand({
          memoryId: target.memoryId,
          records: records.map((r) => ({ memoryRecordId: r.recordId, ...(r.namespace ? { namespace: r.namespace } : {}) })),
        }),
      );
      const deleted = (out.successfulRecords ?? []).map((r) => r.memoryRecordId ?? '').filter(Boolean);
      const failed = (out.failedRecords ?? []).map((r) => ({
        recordId: r.memoryRecordId ?? '',
        message: [r.errorCode, r.errorMessage].filter((v) => v !== undefined).join(': ') || 'failed (AgentCore gave no reason)',
      }));
      return { deleted, failed };
    } catch (error) {
      // The whole call failed: nothing was deleted, and every record says why.
      const message = memoryApiError(error, 'BatchDeleteMemoryRecords', 'This memory').message;
      return { deleted: [], failed: records.map((r) => ({ recordId: r.recordId, message })) };
    }
  }

  private write(target: MemoryTarget, action: MemoryAuditEntry['action'], targets: string[], result: MemoryAuditEntry['result'], detail: string): void {
    const { resource } = target;
    try {
      this.audit.record({
        at: this.now(),
        action,
        memoryKey: resource.key,
        memoryName: resource.name,
        targets,
        profile: resource.profile,
        accountId: resource.accountId,
        region: resource.region,
        result,
        detail,
      });
    } catch (error) {
      // The delete happened (or not) in AWS either way; losing the audit line must be loud, not fatal.
      this.logger.error('could not write the memory audit entry', {
        action,
        memory: resource.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    this.logger.info('memory delete', { action, memory: resource.name, region: resource.region, count: targets.length, result });
  }
}
