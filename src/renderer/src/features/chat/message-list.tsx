/**
 * The transcript, virtualized: only the rows on screen are mounted, so 5,000
 * messages cost what twenty do. Rows are memoized on their message object;
 * while a reply streams, only its row re-renders. The view sticks to the
 * bottom while the user is there and stays put once they scroll up.
 */
import Button from '@cloudscape-design/components/button';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/chat';
import { findMessageIndex } from './chat-events';
import { useChat } from './chat-store';
import { MessageItem } from './message-item';

const BOTTOM_SLACK = 48;
/** Where each transcript was scrolled, so switching tabs comes back to the same place. */
const savedScroll = new Map<string, number>();

export function MessageList({ sessionId, messages, agentName }: { sessionId: string; messages: readonly ChatMessage[]; agentName: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(!savedScroll.has(sessionId));
  const [atBottom, setAtBottom] = useState(true);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const focus = useChat((s) => s.focus);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => messages[index]?.id ?? index,
  });

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    stick.current = true;
    el.scrollTop = el.scrollHeight;
    setAtBottom(true);
  }, []);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    stick.current = bottom;
    setAtBottom(bottom);
    savedScroll.set(sessionId, el.scrollTop);
  };

  useLayoutEffect(() => {
    const saved = savedScroll.get(sessionId);
    if (saved !== undefined && scrollRef.current) scrollRef.current.scrollTop = saved;
  }, [sessionId]);

  const totalSize = virtualizer.getTotalSize();
  // Following a streaming reply: reading scrollHeight forces a layout, so do it at most once a frame, in the
  // frame's own rAF phase, instead of on every commit.
  const pinFrame = useRef(0);
  useLayoutEffect(() => {
    if (!stick.current || pinFrame.current) return;
    pinFrame.current = requestAnimationFrame(() => {
      pinFrame.current = 0;
      const el = scrollRef.current;
      if (stick.current && el) el.scrollTop = el.scrollHeight;
    });
  }, [messages, totalSize]);
  useEffect(() => () => cancelAnimationFrame(pinFrame.current), []);

  useEffect(() => {
    if (!focus || focus.sessionId !== sessionId) return;
    const index = findMessageIndex(messages, focus.messageId);
    if (index === -1) return;
    stick.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
    setHighlighted(focus.messageId);
    const timer = window.setTimeout(() => setHighlighted(null), 4000);
    return () => window.clearTimeout(timer);
    // Only a new focus request moves the view; new messages must not re-trigger it.
  }, [focus, sessionId, messages.length > 0]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="chat-scroll-wrap">
      <div ref={scrollRef} className="chat-scroll" onScroll={onScroll} role="log" aria-live="off" aria-label="Transcript">
        <div className="chat-scroll__inner" style={{ height: totalSize }}>
          <div className="chat-scroll__window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const message = messages[item.index] as ChatMessage;
              const previous = messages[item.index - 1];
              // After End session, the next turn goes to a new runtime session: mark where context was lost.
              const boundary =
                message.runtimeSessionId && previous?.runtimeSessionId && previous.runtimeSessionId !== message.runtimeSessionId
                  ? message.runtimeSessionId
                  : undefined;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="chat-row">
                  <MessageItem message={message} highlighted={highlighted === message.id} agentName={agentName} boundary={boundary} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {!atBottom && (
        <div className="chat-scroll__jump">
          <Button iconName="angle-down" onClick={scrollToBottom} ariaLabel="Jump to the latest message">
            Latest
          </Button>
        </div>
      )}
    </div>
  );
}
