/**
 * `#/warroom`: the board a room watches during an incident — large health
 * tiles of the chosen agents, failing first, refreshed live over a stream —
 * with the incident's timeline and notes beside it. Full screen shows only
 * the board (kiosk-friendly: Escape leaves); the whole view lives in the URL.
 */
import './warroom.css';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Toggle from '@cloudscape-design/components/toggle';
import { useRef } from 'react';
import { RedactedText } from '../../components/redacted-text';
import { useNow } from '../../lib/use-now';
import { useHashRoute } from '../../routing/use-hash-route';
import { BoardGrid } from './board-grid';
import { BoardSelectionControls } from './board-selection';
import { BoardStatusLine } from './board-status-line';
import { IncidentPanel } from './incident-panel';
import { useBoard } from './use-board';
import { parseWarRoomQuery, REFRESH_OPTIONS, warRoomQuery, type WarRoomView } from './warroom-route';

const refreshOptions = REFRESH_OPTIONS.map((s) => ({ value: String(s), label: `Every ${s} s` }));

function EmptyBoard({ view, onShowAll }: { view: WarRoomView; onShowAll: () => void }) {
  const failing = view.selection.kind === 'failing';
  return (
    <Box textAlign="center" padding="xxl" data-testid="board-empty">
      <Box variant="h2">{failing ? 'Nothing is failing' : 'No agents to show'}</Box>
      <Box variant="p" color="text-body-secondary">
        {failing
          ? 'Every agent runtime is healthy and within its SLO. The board re-checks at each refresh and shows any agent that starts failing.'
          : 'The fleet has no agent runtimes yet, or they have not been polled.'}
      </Box>
      {failing && <Button onClick={onShowAll}>Show all agents</Button>}
    </Box>
  );
}

export function WarRoomPage() {
  const { route, setQuery } = useHashRoute();
  const view = parseWarRoomQuery(route.query);
  const board = useBoard(view.selection, view.refreshSeconds);
  const now = useNow(1_000);
  const region = useRef<HTMLElement>(null);
  const update = (patch: Partial<WarRoomView>): void => {
    const next = warRoomQuery({ ...view, ...patch });
    setQuery({ show: next.show, agents: next.agents, every: next.every, panel: next.panel });
  };
  const frame = board.frame;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Large health tiles for a room to read at a glance: failing agents first, live."
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <Toggle checked={view.panel} onChange={({ detail }) => update({ panel: detail.checked })}>
                Incident panel
              </Toggle>
              <Button iconName="expand" onClick={() => void region.current?.requestFullscreen?.()}>
                Full screen
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="page-warroom">War room</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <SpaceBetween direction="horizontal" size="l" alignItems="end">
          <BoardSelectionControls selection={view.selection} onChange={(selection) => update({ selection })} />
          <FormField label="Refresh">
            <Select
              selectedOption={refreshOptions.find((o) => o.value === String(view.refreshSeconds)) ?? refreshOptions[0]!}
              options={refreshOptions}
              onChange={({ detail }) => update({ refreshSeconds: Number(detail.selectedOption.value) })}
              ariaLabel="How often the board refreshes"
            />
          </FormField>
        </SpaceBetween>
        <section className="board" ref={region} aria-label="War-room board" data-testid="warroom-board">
          <BoardStatusLine frame={frame} error={board.error} now={now} />
          {frame?.notices.map((n) => (
            <Alert key={n.code + n.message} type="warning">
              <RedactedText text={n.message} />
            </Alert>
          ))}
          {!frame && !board.error && (
            <Box textAlign="center" padding="xxl">
              <Spinner size="large" /> Reading the fleet’s figures…
            </Box>
          )}
          {frame && frame.tiles.length === 0 && <EmptyBoard view={view} onShowAll={() => update({ selection: { kind: 'all' } })} />}
          {frame && frame.tiles.length > 0 && <BoardGrid tiles={frame.tiles} now={now} />}
        </section>
        {view.panel && <IncidentPanel selection={view.selection} now={now} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
