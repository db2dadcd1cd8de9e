/**
 * From a chat session to what its agent stored for it: the agent's memory
 * (from its environment), at this session's events. Without a user id the
 * actor is not known, so the memory browser looks the session up.
 */
import Button from '@cloudscape-design/components/button';
import type { ChatSession } from '../../../../shared/chat';
import { toActorId, toSessionId } from '../../../../shared/memory';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { memoryQuery } from '../memory/memory-route';

export function MemoryLink({ session }: { session: ChatSession }) {
  const detail = useApiQuery('fleet.resource', { key: session.agentKey });
  const memory = detail.data?.kind === 'runtime' ? detail.data.linkedMemoryKeys[0] : undefined;
  if (!memory || session.messageCount === 0) return null;
  const sessionId = toSessionId(session.runtimeSessionId);
  const query = session.userId
    ? memoryQuery({ memory, actor: toActorId(session.userId), session: sessionId })
    : memoryQuery({ memory, findSession: sessionId });
  return (
    <Button iconName="folder-open" href={hrefFor('memory', query)} data-testid="chat-open-memory">
      Memory
    </Button>
  );
}
