/**
 * `#/traces`: the runtime sessions seen live across the fleet — AWS has no
 * ListRuntimeSessions, so they come from spans and from the console's own
 * chats — longest-lived first, each one click from its traces and from
 * StopRuntimeSession; and a picker for an agent's recent traces.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useState } from 'react';
import type { LiveSession } from '../../../../shared/traces';
import { Identifier } from '../../components/identifier';
import { formatRelative } from '../../lib/relative-time';
import { useNow } from '../../lib/use-now';
import { hrefFor, useHashRoute } from '../../routing/use-hash-route';
import { AgentSelect } from '../logs/runtime-picker';
import { spanDuration } from './span-format';
import { StopSessionModal } from './stop-session-modal';
import { TraceNotices } from './trace-notices';
import { useLiveSessions } from './traces-api';
import { tracesQuery } from './traces-route';
import { useIsViewer } from '../../state/viewer';
import { RedactedText } from '../../components/redacted-text';

const WINDOWS = [15, 60, 240, 1440].map((m) => ({
  value: String(m),
  label: m < 60 ? `Seen in the last ${m} minutes` : `Seen in the last ${m / 60} hour${m > 60 ? 's' : ''}`,
}));

export function LiveSessionsView() {
  const { go } = useHashRoute();
  const [minutes, setMinutes] = useState(60);
  const [stopping, setStopping] = useState<LiveSession | null>(null);
  const viewer = useIsViewer();
  const live = useLiveSessions(minutes);
  const now = useNow(10_000);
  const selected = WINDOWS.find((w) => w.value === String(minutes)) ?? WINDOWS[1]!;
  const { items, paginationProps, filterProps, filteredItemsCount } = useCollection(live.data?.sessions ?? [], {
    pagination: { pageSize: 25 },
    filtering: { fields: ['runtimeSessionId', 'agentName'] },
  });
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Span waterfalls of every invocation, read from aws/spans (CloudWatch Transaction Search), and the runtime sessions running now."
        >
          <span data-testid="page-traces">Traces</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <SpaceBetween direction="horizontal" size="m" alignItems="center">
          <Box variant="awsui-key-label">An agent’s recent traces</Box>
          <AgentSelect label="Agent runtime whose traces to open" onSelect={(agent) => go('traces', tracesQuery({ agent }))} />
        </SpaceBetween>
        {live.data && <TraceNotices notices={live.data.notices} />}
        <Table<LiveSession>
          data-testid="traces-live-sessions"
          variant="container"
          header={
            <Header
              variant="h2"
              counter={live.data ? `(${live.data.sessions.length})` : undefined}
              description="Longest-lived first: a session busy for an hour is usually a runaway loop. Stopping one calls StopRuntimeSession."
              actions={
                <Select
                  selectedOption={selected}
                  options={WINDOWS}
                  onChange={(e) => setMinutes(Number(e.detail.selectedOption.value))}
                  ariaLabel="How recent"
                />
              }
            >
              Live runtime sessions
            </Header>
          }
          loading={live.isPending}
          loadingText="Reading sessions from aws/spans in every region of the fleet"
          items={items}
          filter={
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find by agent or session id"
              filteringAriaLabel="Find a session"
              countText={`${filteredItemsCount ?? 0} matches`}
            />
          }
          pagination={
            <Pagination {...paginationProps} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />
          }
          trackBy="runtimeSessionId"
          columnDefinitions={[
            {
              id: 'session',
              header: 'Runtime session',
              cell: (s) =>
                s.agentKey ? (
                  <Link href={hrefFor('traces', tracesQuery({ agent: s.agentKey, session: s.runtimeSessionId }))}>
                    <Identifier kind="runtimeSession" value={s.runtimeSessionId} render={(shown) => (shown.length > 28 ? `${shown.slice(0, 28)}…` : shown)} />
                  </Link>
                ) : (
                  <Identifier kind="runtimeSession" value={s.runtimeSessionId} />
                ),
            },
            { id: 'agent', header: 'Agent', cell: (s) => s.agentName ?? 'Not in the watched fleet' },
            { id: 'alive', header: 'Alive for', cell: (s) => spanDuration(s.lastSeen - s.firstSeen) },
            { id: 'last', header: 'Last seen', cell: (s) => formatRelative(s.lastSeen, now) },
            { id: 'invocations', header: 'Invocations', cell: (s) => (s.invocations === undefined ? '–' : s.invocations) },
            { id: 'seen', header: 'Seen in', cell: (s) => s.seenIn.map((w) => (w === 'spans' ? 'spans' : 'this console')).join(', ') },
            {
              id: 'stop',
              header: 'Action',
              cell: (s) =>
                // A share's viewer may not stop sessions.
                s.agentKey && !viewer ? (
                  <Button variant="inline-link" onClick={() => setStopping(s)} ariaLabel={`Stop this session of ${s.agentName ?? 'the agent'}`}>
                    Stop
                  </Button>
                ) : null,
            },
          ]}
          empty={
            <Box textAlign="center" color="text-body-secondary" padding="l">
              {live.error ? (
                <>
                  Sessions could not be read: <RedactedText text={live.error.message} />
                </>
              ) : (
                'No runtime session was active in this window.'
              )}
            </Box>
          }
        />
      </SpaceBetween>
      {stopping?.agentKey && <StopSessionModal session={stopping} agentKey={stopping.agentKey} onClose={() => setStopping(null)} />}
    </ContentLayout>
  );
}
