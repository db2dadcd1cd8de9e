/**
 * Export a session's events or a namespace's records as JSONL, one AgentCore
 * item per line exactly as the API returned it, reading every page. Capped so
 * a runaway namespace cannot exhaust main's memory; the file says when it is.
 */
import { ListEventsCommand, ListMemoryRecordsCommand } from '@aws-sdk/client-bedrock-agentcore';
import type { z } from 'zod';
import type { ExportFile, memoryInputs } from '../../../shared/memory';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import { memoryApiError } from './memory-errors';
import type { MemoryTargets } from './memory-target';
import { eventExportLine, recordExportLine } from './memory-wire';

type In<K extends keyof typeof memoryInputs> = z.output<(typeof memoryInputs)[K]>;

export const EXPORT_ITEM_LIMIT = 100_000;

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'memory';

async function allPages(fetchPage: (token: string | undefined) => Promise<{ lines: string[]; nextToken?: string }>): Promise<string[]> {
  const lines: string[] = [];
  let token: string | undefined;
  do {
    const next = await fetchPage(token);
    lines.push(...next.lines);
    token = next.nextToken;
  } while (token && lines.length < EXPORT_ITEM_LIMIT);
  return lines.slice(0, EXPORT_ITEM_LIMIT);
}

function file(filename: string, lines: string[]): ExportFile {
  return { filename, mimeType: 'application/x-ndjson', content: lines.length ? `${lines.join('\n')}\n` : '', count: lines.length };
}

export class MemoryExport {
  constructor(
    private readonly targets: MemoryTargets,
    private readonly backoff: Backoff,
  ) {}

  async session(input: In<'exportSession'>): Promise<ExportFile> {
    const { client, memoryId, resource } = this.targets(input.key);
    try {
      const lines = await allPages(async (nextToken) => {
        const out = await withThrottleRetry(
          () =>
            client.send(
              new ListEventsCommand({ memoryId, actorId: input.actorId, sessionId: input.sessionId, includePayloads: true, maxResults: 100, nextToken }),
            ),
          this.backoff,
        );
        // AgentCore lists newest first; a transcript file reads oldest first.
        return { lines: (out.events ?? []).map(eventExportLine), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
      });
      return file(`${safeName(resource.name)}-${safeName(input.actorId)}-${safeName(input.sessionId)}-events.jsonl`, lines.reverse());
    } catch (error) {
      throw memoryApiError(error, 'ListEvents', `Session ${input.sessionId}`);
    }
  }

  async namespace(input: In<'exportNamespace'>): Promise<ExportFile> {
    const { client, memoryId, resource } = this.targets(input.key);
    try {
      const lines = await allPages(async (nextToken) => {
        const out = await withThrottleRetry(
          () => client.send(new ListMemoryRecordsCommand({ memoryId, namespace: input.namespace, maxResults: 100, nextToken })),
          this.backoff,
        );
        return { lines: (out.memoryRecordSummaries ?? []).map(recordExportLine), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
      });
      return file(`${safeName(resource.name)}-${safeName(input.namespace)}-records.jsonl`, lines);
    } catch (error) {
      throw memoryApiError(error, 'ListMemoryRecords', `Namespace ${input.namespace}`);
    }
  }
}
