/**
 * The runtime session a line names: a link to the console's own chat session
 * that sent to it when there is one (logs → chat), else just the id, through
 * <Identifier> like every session id.
 */
import { runtimeSessionIdSchema } from '../../../../shared/chat';
import { Identifier } from '../../components/identifier';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { useIsViewer } from '../../state/viewer';

/** A chat started after this row mounted is found on the next look, not never. */
const RECHECK_MS = 30_000;

export function SessionLink({ sessionId }: { sessionId: string }) {
  // AgentCore's own ids are 33–256 characters; anything else an agent logs as a session cannot be a chat's.
  const valid = runtimeSessionIdSchema.safeParse(sessionId).success;
  // A share's viewer has no chats to link to.
  const viewer = useIsViewer();
  const found = useApiQuery('chat.sessions.byRuntimeSession', { runtimeSessionId: sessionId }, { enabled: valid && !viewer, staleTime: RECHECK_MS });
  const chat = found.data?.session;
  return (
    <span className="log-session">
      <span className="log-session__id">
        <Identifier kind="runtimeSession" value={sessionId} render={(shown) => `session …${shown.slice(-8)}`} />
      </span>
      {chat && (
        <a
          className="log-link"
          href={hrefFor('chat', { agent: chat.agentKey, session: chat.id })}
          data-testid="log-open-chat"
          aria-label={`Open chat session ${chat.title}`}
        >
          Open chat session
        </a>
      )}
    </span>
  );
}
