/** `#/traces?agent=&session=`: every trace of one runtime session, oldest first, with its chat (when the console sent it) and a way to stop it. */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { Identifier } from '../../components/identifier';
import { useApiQuery } from '../../state/api-query';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource } from '../fleet/fleet-data';
import { StopSessionModal } from './stop-session-modal';
import { TraceList } from './trace-list';
import { TraceNotices } from './trace-notices';
import { useSessionTraces } from './traces-api';
import { RedactedText } from '../../components/redacted-text';
import { useIsViewer } from '../../state/viewer';

export function SessionTraces({ agentKey, runtimeSessionId }: { agentKey: string; runtimeSessionId: string }) {
  const resource = useFleetResource(agentKey);
  const traces = useSessionTraces(agentKey, runtimeSessionId);
  // A share's viewer has no chats and may not stop sessions.
  const viewer = useIsViewer();
  const chat = useApiQuery('chat.sessions.byRuntimeSession', { runtimeSessionId }, { enabled: !viewer });
  const [stopping, setStopping] = useState(false);
  const chatSession = chat.data?.session;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={
            <>
              {resource?.name ?? 'Agent'} · runtime session <Identifier kind="runtimeSession" value={runtimeSessionId} />
            </>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {chatSession && <Button href={hrefFor('chat', { agent: chatSession.agentKey, session: chatSession.id })}>Open chat</Button>}
              {!viewer && (
                <Button onClick={() => setStopping(true)} data-testid="traces-stop-session">
                  Stop session
                </Button>
              )}
            </SpaceBetween>
          }
        >
          <span data-testid="page-traces">Session traces</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {traces.error && (
          <Alert type="error" header="Traces could not be read">
            <RedactedText text={traces.error.message} />
          </Alert>
        )}
        {traces.data && <TraceNotices notices={traces.data.notices} />}
        <TraceList
          agentKey={agentKey}
          traces={traces.data?.traces ?? []}
          loading={traces.isPending}
          header={
            <Header variant="h2" counter={traces.data ? `(${traces.data.traces.length})` : undefined} description="Oldest first: the session as it happened.">
              Invocations
            </Header>
          }
          empty="No traces of this session in the last 24 hours."
        />
      </SpaceBetween>
      {stopping && <StopSessionModal agentKey={agentKey} session={{ runtimeSessionId, agentName: resource?.name }} onClose={() => setStopping(false)} />}
    </ContentLayout>
  );
}
