/** The status timeline of one resource, newest first: every transition the console saw while polling. */
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import type { StatusTransition } from '../../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../../lib/relative-time';
import { useNow } from '../../../lib/use-now';
import { statusIndicatorType } from '../resource-format';
import { timelineNewestFirst } from './detail-logic';

export function StatusTimeline({ timeline, loading }: { timeline: readonly StatusTransition[] | undefined; loading: boolean }) {
  const now = useNow();
  const items = useMemo(() => timelineNewestFirst(timeline ?? []), [timeline]);
  return (
    <div data-testid="detail-timeline">
      <Table
        variant="container"
        header={
          <Header
            variant="h2"
            counter={timeline ? `(${items.length})` : undefined}
            description="Every status change the console saw while polling, newest first."
          >
            Status timeline
          </Header>
        }
        loading={loading && !timeline}
        loadingText="Loading timeline…"
        items={items}
        trackBy={(t) => `${t.at}|${t.from ?? ''}|${t.to}`}
        columnDefinitions={[
          {
            id: 'when',
            header: 'When',
            width: 280,
            cell: (t) => (
              <span>
                {formatRelative(t.at, now)}{' '}
                <Box variant="span" color="text-body-secondary" fontSize="body-s">
                  · {formatTimestamp(t.at)}
                </Box>
              </span>
            ),
          },
          {
            id: 'change',
            header: 'Change',
            cell: (t) => (
              <span className="timeline-change">
                {t.from ? (
                  <StatusIndicator type={statusIndicatorType(t.from)}>{t.from}</StatusIndicator>
                ) : (
                  <Box variant="span" color="text-body-secondary">
                    First seen
                  </Box>
                )}
                <span aria-hidden="true" className="timeline-change__arrow">
                  →
                </span>
                <span className="visually-hidden">to</span>
                <StatusIndicator type={statusIndicatorType(t.to)}>{t.to}</StatusIndicator>
              </span>
            ),
          },
        ]}
        empty={
          <Box textAlign="center" color="text-body-secondary" padding="s">
            No status changes recorded yet. The console records each change it sees while polling.
          </Box>
        }
      />
    </div>
  );
}
