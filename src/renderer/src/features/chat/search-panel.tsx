/** Search across every stored transcript; snippets mark matches with <mark>, built from text parts, never from HTML. */
import Box from '@cloudscape-design/components/box';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Spinner from '@cloudscape-design/components/spinner';
import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useEffect, useState } from 'react';
import type { ChatSearchHit } from '../../../../shared/chat';
import { formatRelative } from '../../lib/relative-time';
import { useApiQuery } from '../../state/api-query';
import { useNow } from '../../lib/use-now';
import { splitSnippet } from './snippet';

export function Snippet({ snippet }: { snippet: string }) {
  return <>{splitSnippet(snippet).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>;
}

export const SearchBox = forwardRef<InputProps.Ref, { value: string; onChange: (value: string) => void }>(function SearchBox({ value, onChange }, ref) {
  return (
    <div className="chat-search" data-testid="chat-search">
      <Input
        ref={ref}
        type="search"
        value={value}
        onChange={(e) => onChange(e.detail.value)}
        onKeyDown={(e) => {
          if (e.detail.key === 'Escape') onChange('');
        }}
        placeholder="Search all transcripts  ( / )"
        ariaLabel="Search all transcripts"
        clearAriaLabel="Clear search"
      />
    </div>
  );
});

export function SearchResults({ query, onOpen }: { query: string; onOpen: (hit: ChatSearchHit) => void }) {
  const now = useNow();
  const q = query.trim();
  // Debounced: one search per pause in typing, not per key.
  const [settled, setSettled] = useState(q);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(q), 180);
    return () => window.clearTimeout(timer);
  }, [q]);
  // Transcripts change as chats go on: ask again each time, but show the last answer while asking.
  const search = useApiQuery('chat.search', { query: settled, limit: 50 }, { enabled: settled !== '', staleTime: 0, placeholderData: keepPreviousData });
  const state = {
    query: settled,
    hits: search.error ? [] : (search.data ?? null),
    error: search.error?.message ?? null,
  };

  const searching = settled !== q || search.isFetching;
  return (
    <div className="chat-hits" aria-busy={searching}>
      <div className="chat-hits__head">
        <Box variant="h3" padding="n">
          Results
          {state.hits && !searching ? (
            <span className="chat-count">
              {' '}
              ({state.hits.length}
              {state.hits.length === 50 ? '+' : ''})
            </span>
          ) : null}
        </Box>
        {searching && <Spinner />}
      </div>
      {state.error && (
        <Box color="text-status-error" variant="small">
          {state.error}
        </Box>
      )}
      {state.hits && state.hits.length === 0 && !searching && !state.error && (
        <Box color="text-body-secondary" variant="p">
          No message matches “{state.query}”. Search looks at every stored transcript, all agents.
        </Box>
      )}
      <ul className="chat-hits__list" aria-label="Search results">
        {(state.hits ?? []).map((hit) => (
          <li key={`${hit.sessionId}:${hit.messageId}`}>
            <button type="button" className="chat-hit" data-testid="chat-search-hit" onClick={() => onOpen(hit)}>
              <span className="chat-hit__where">
                <span className="chat-hit__title">{hit.sessionTitle}</span>
                <span className="chat-hit__meta">
                  {hit.agentName} · {hit.role === 'user' ? 'you' : 'agent'} · {formatRelative(hit.createdAt, now)}
                </span>
              </span>
              <span className="chat-hit__snippet">
                <Snippet snippet={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
