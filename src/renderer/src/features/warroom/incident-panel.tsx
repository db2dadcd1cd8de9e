/**
 * The incident beside the board: start one (it takes the board's agents),
 * follow its timeline, type notes, export the Markdown report, end it.
 * Without an open incident the board is just a board.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import type { BoardSelection, Incident } from '../../../../shared/warroom';
import { api } from '../../api';
import { ConfirmFooter } from '../../components/confirm-footer';
import { RedactedText } from '../../components/redacted-text';
import { downloadText } from '../../lib/download';
import { formatClock, formatRelative } from '../../lib/relative-time';
import { notify, notifyError } from '../../state/notifications';
import { useIsViewer } from '../../state/viewer';
import { NoteComposer } from './note-composer';
import { TimelineFeed } from './timeline-feed';
import { useDeleteNote, useEndIncident, useIncident, useStartIncident, useTimeline } from './warroom-api';

function duration(from: number, to: number): string {
  const minutes = Math.max(0, Math.round((to - from) / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

async function exportReport(): Promise<void> {
  try {
    const report = await api.call('warroom.report', {});
    downloadText(report.fileName, 'text/markdown', report.markdown);
    notify(
      {
        type: 'success',
        header: 'Report exported',
        content: `${report.fileName}: UTC and local times, the board's figures at start and end, the timeline and notes.`,
      },
      'report',
    );
  } catch (error) {
    notifyError('Export incident report', error);
  }
}

function StartIncidentModal({ selection, onClose }: { selection: BoardSelection; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const start = useStartIncident();
  const submit = (): void => start.mutate({ title, selection }, { onSuccess: onClose });
  return (
    <Modal
      visible
      onDismiss={onClose}
      header="Start incident"
      footer={<ConfirmFooter onCancel={onClose} onConfirm={submit} confirmLabel="Start incident" loading={start.isPending} disabled={!title.trim()} />}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) submit();
        }}
      >
        <FormField
          label="Title"
          description="The timeline follows the board's agents from now on; the board's figures now are kept for the report."
          errorText={start.error && <RedactedText text={start.error.message} />}
        >
          <Input value={title} onChange={({ detail }) => setTitle(detail.value)} placeholder="Checkout latency above SLO" autoFocus />
        </FormField>
      </form>
    </Modal>
  );
}

function OpenIncident({ incident, now, viewer }: { incident: Incident; now: number; viewer: boolean }) {
  const timeline = useTimeline(true);
  const end = useEndIncident();
  const deleteNote = useDeleteNote();
  const [exporting, setExporting] = useState(false);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`Started ${formatClock(incident.startedAt)} (${formatRelative(incident.startedAt, now)}) · open ${duration(incident.startedAt, now)}`}
          actions={
            viewer ? undefined : (
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="download"
                  loading={exporting}
                  onClick={() => {
                    setExporting(true);
                    void exportReport().finally(() => setExporting(false));
                  }}
                >
                  Export report
                </Button>
                <Button onClick={() => end.mutate({})} loading={end.isPending}>
                  End incident
                </Button>
              </SpaceBetween>
            )
          }
        >
          <RedactedText text={incident.title} />
        </Header>
      }
    >
      <SpaceBetween size="m">
        {!viewer && <NoteComposer />}
        {timeline.data?.notices.map((n) => (
          <Alert key={n.code + n.message} type="warning">
            <RedactedText text={n.message} />
          </Alert>
        ))}
        {timeline.error && (
          <Alert type="error" header="The timeline could not be read">
            <RedactedText text={timeline.error.message} />
          </Alert>
        )}
        {timeline.isPending ? (
          <Spinner />
        ) : (
          <TimelineFeed events={timeline.data?.events ?? []} onDeleteNote={viewer ? undefined : (id) => deleteNote.mutate({ id })} />
        )}
      </SpaceBetween>
    </Container>
  );
}

/** A share's viewers follow the incident read-only: no start or end, notes, deletes or report (main refuses them too). */
export function IncidentPanel({ selection, now }: { selection: BoardSelection; now: number }) {
  const incident = useIncident();
  const viewer = useIsViewer();
  const [starting, setStarting] = useState(false);
  if (incident.data) return <OpenIncident incident={incident.data} now={now} viewer={viewer} />;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="An incident follows the board's agents: status changes, SLO breaches, error bursts, failed invocations and your notes, in one timeline and one report."
          actions={
            viewer ? undefined : (
              <Button variant="primary" onClick={() => setStarting(true)} disabled={incident.isPending}>
                Start incident
              </Button>
            )
          }
        >
          Incident
        </Header>
      }
    >
      {incident.error ? (
        <Alert type="error" header="The incident could not be read">
          <RedactedText text={incident.error.message} />
        </Alert>
      ) : (
        <Box color="text-body-secondary">No incident open.</Box>
      )}
      {starting && <StartIncidentModal selection={selection} onClose={() => setStarting(false)} />}
    </Container>
  );
}
