/** The local audit trail of memory deletes, newest first: what went, where, and what came of it. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { MemoryAuditEntry } from '../../../../shared/memory';
import { Identifier } from '../../components/identifier';
import { formatTimestamp } from '../../lib/relative-time';
import { useApiQuery } from '../../state/api-query';

const resultType = { ok: 'success', partial: 'warning', failed: 'error' } as const;

/** `memoryKey` limits it to one memory; without it, every memory's deletes. */
export function AuditLog({ memoryKey }: { memoryKey?: string }) {
  const audit = useApiQuery('memory.audit', {}, { staleTime: 0 });
  const entries = (audit.data ?? []).filter((e) => !memoryKey || e.memoryKey === memoryKey);
  return (
    <div data-testid="memory-audit">
      <Table<MemoryAuditEntry>
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${entries.length})`}
            description="Every delete sent from this console, kept on this computer."
            actions={<Button iconName="refresh" ariaLabel="Reload audit log" onClick={() => void audit.refetch()} loading={audit.isFetching} />}
          >
            Audit log
          </Header>
        }
        loading={audit.isLoading}
        loadingText="Loading the audit log"
        items={entries}
        trackBy="id"
        wrapLines
        columnDefinitions={[
          { id: 'at', header: 'When', width: 190, cell: (e) => formatTimestamp(e.at) },
          { id: 'action', header: 'Action', width: 140, cell: (e) => (e.action === 'delete-event' ? 'Delete event' : 'Delete records') },
          { id: 'result', header: 'Result', width: 110, cell: (e) => <StatusIndicator type={resultType[e.result]}>{e.result}</StatusIndicator> },
          { id: 'what', header: 'What', cell: (e) => <span data-testid="memory-audit-targets">{e.targets.join(', ')}</span> },
          { id: 'memory', header: 'Memory', width: 180, cell: (e) => e.memoryName },
          {
            id: 'where',
            header: 'Profile · account · region',
            width: 260,
            cell: (e) => (
              <span>
                {e.profile} · <Identifier kind="account" value={e.accountId} /> · {e.region}
              </span>
            ),
          },
          { id: 'detail', header: 'Detail', cell: (e) => e.detail },
        ]}
        empty={
          <Box textAlign="center" color="text-body-secondary" padding="m">
            {audit.error ? audit.error.message : 'Nothing has been deleted from this console.'}
          </Box>
        }
      />
    </div>
  );
}
