/**
 * The strip of open sessions. Tabs only pick what is on screen: transcripts
 * live in the chat store, so a reply keeps streaming into a background tab,
 * which shows a spinner while it streams and a dot once it has news.
 */
import Icon from '@cloudscape-design/components/icon';
import Spinner from '@cloudscape-design/components/spinner';
import { useChat } from './chat-store';

function Tab({ sessionId, active, onSelect, onClose }: { sessionId: string; active: boolean; onSelect: () => void; onClose: () => void }) {
  const session = useChat((s) => s.transcripts.get(sessionId)?.session);
  const failed = useChat((s) => s.pending.get(sessionId) ?? null);
  const streaming = useChat((s) => s.transcripts.get(sessionId)?.messages.at(-1)?.state === 'streaming');
  const unread = useChat((s) => s.unread.has(sessionId));
  const title = session?.title ?? (failed ? 'Could not load' : 'Loading…');
  return (
    <li
      className={`chat-tab${active ? ' chat-tab--active' : ''}`}
      data-testid="chat-tab"
      data-session-id={sessionId}
      data-active={active}
      data-streaming={streaming}
      data-unread={unread}
    >
      <button
        type="button"
        aria-current={active ? 'true' : undefined}
        className="chat-tab__button"
        onClick={onSelect}
        title={session ? `${session.agentName} · ${session.title}` : title}
      >
        {streaming ? <Spinner /> : unread ? <span className="chat-dot" aria-label="New reply" /> : <Icon name="contact" size="small" variant="subtle" />}
        <span className="chat-tab__text">
          <span className="chat-tab__title">{title}</span>
          {session && <span className="chat-tab__agent">{session.agentName}</span>}
        </span>
      </button>
      <button
        type="button"
        className="chat-tab__close"
        onClick={onClose}
        aria-label={`Close ${title}${streaming ? ' (the reply keeps streaming and is saved)' : ''}`}
      >
        <Icon name="close" size="small" />
      </button>
    </li>
  );
}

export function ChatTabs({ activeId, onSelect, onClose }: { activeId: string | undefined; onSelect: (id: string) => void; onClose: (id: string) => void }) {
  const tabs = useChat((s) => s.tabs);
  if (tabs.length === 0) return null;
  return (
    // A list of open sessions, not an ARIA tablist: each item has a close button, which a tablist may not contain.
    <ul className="chat-tabs" aria-label="Open sessions">
      {tabs.map((id) => (
        <Tab key={id} sessionId={id} active={id === activeId} onSelect={() => onSelect(id)} onClose={() => onClose(id)} />
      ))}
    </ul>
  );
}
