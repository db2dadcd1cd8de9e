/** Confirming StopRuntimeSession: it ends the session's in-flight work and its state on AgentCore, which is what a runaway needs and a user in the middle of a chat does not. */
import Box from '@cloudscape-design/components/box';
import Modal from '@cloudscape-design/components/modal';
import { ConfirmFooter } from '../../components/confirm-footer';
import { Identifier } from '../../components/identifier';
import type { LiveSession } from '../../../../shared/traces';
import { useStopSession } from './traces-api';

export function StopSessionModal(props: { agentKey: string; session: Pick<LiveSession, 'runtimeSessionId' | 'agentName'>; onClose: () => void }) {
  const stop = useStopSession();
  const { runtimeSessionId, agentName } = props.session;
  return (
    <Modal
      visible
      onDismiss={props.onClose}
      header="Stop this runtime session?"
      footer={
        <ConfirmFooter
          confirmLabel="Stop session"
          loading={stop.isPending}
          onCancel={props.onClose}
          onConfirm={() => stop.mutate({ agentKey: props.agentKey, runtimeSessionId }, { onSuccess: props.onClose })}
          confirmTestId="traces-stop-confirm"
        />
      }
    >
      <Box>
        StopRuntimeSession ends session <Identifier kind="runtimeSession" value={runtimeSessionId} /> of {agentName ?? 'this agent'} now: a reply in progress is
        cut off and the session’s microVM is released. The next invocation with this id starts a new session.
      </Box>
    </Modal>
  );
}
