/**
 * Failed extraction jobs (ListMemoryExtractionJobs): the events a strategy
 * could not turn into long-term records, and why — the answer to "why is
 * nothing in long-term memory?".
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import type { ExtractionJob } from '../../../../shared/memory';
import { Identifier } from '../../components/identifier';
import { hrefFor } from '../../routing/use-hash-route';
import { memoryQuery } from './memory-route';
import { strategyName } from './records-table';
import { loadMoreFooter, PagedEmpty } from './paged-table-parts';
import { usePaged } from './use-paged';
import { RedactedText } from '../../components/redacted-text';

export function ExtractionJobs({ memory, strategies }: { memory: FleetResource; strategies: MemoryDetail['strategies'] }) {
  const jobs = usePaged('memory.jobs', { key: memory.key });
  return (
    <div data-testid="memory-jobs">
      <Table<ExtractionJob>
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${jobs.items.length}${jobs.hasMore ? '+' : ''})`}
            description="Extraction jobs that failed. Their events are in short-term memory but produced no long-term records."
            actions={<Button iconName="refresh" ariaLabel="Reload extraction jobs" onClick={jobs.refresh} />}
          >
            Failed extraction jobs
          </Header>
        }
        loading={jobs.isLoading}
        loadingText="Loading extraction jobs"
        items={jobs.items}
        trackBy="jobId"
        wrapLines
        columnDefinitions={[
          { id: 'status', header: 'Status', width: 110, cell: (j) => <StatusIndicator type="error">{j.status}</StatusIndicator> },
          {
            id: 'reason',
            header: 'Failure reason',
            cell: (j) => <span className="cell-error">{j.failureReason ? <RedactedText text={j.failureReason} /> : 'AgentCore gave no reason'}</span>,
          },
          { id: 'strategy', header: 'Strategy', width: 150, cell: (j) => (j.strategyId ? strategyName(strategies, j.strategyId) : '—') },
          {
            id: 'session',
            header: 'Actor › session',
            width: 260,
            cell: (j) =>
              j.actorId && j.sessionId ? (
                <Link href={hrefFor('memory', memoryQuery({ memory: memory.key, actor: j.actorId, session: j.sessionId, event: j.eventIds[0] ?? null }))}>
                  <Identifier kind="user" value={j.actorId} /> › {j.sessionId}
                </Link>
              ) : (
                '—'
              ),
          },
          { id: 'events', header: 'Events', width: 80, cell: (j) => j.eventIds.length },
          { id: 'id', header: 'Job id', width: 200, cell: (j) => <Box variant="code">{j.jobId}</Box> },
        ]}
        empty={<PagedEmpty paged={jobs} text="No failed extraction jobs: every strategy processed its events." />}
        footer={loadMoreFooter(jobs)}
      />
    </div>
  );
}
