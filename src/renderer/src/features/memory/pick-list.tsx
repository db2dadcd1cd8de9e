/**
 * A column of links (actors, sessions, namespaces): each is a URL, so it
 * works with the keyboard, opens in place and can be shared; the current one
 * is marked for screen readers.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { RedactedText } from '../../components/redacted-text';

export interface PickItem {
  id: string;
  label: string;
  detail?: string;
  href: string;
}

export interface PickListProps {
  title: string;
  testId: string;
  items: readonly PickItem[];
  current: string | null;
  loading: boolean;
  error: ApiError | null;
  empty: ReactNode;
  hasMore?: boolean;
  fetchingMore?: boolean;
  onMore?: () => void;
  actions?: ReactNode;
}

export function PickList(props: PickListProps) {
  return (
    <section className="memory-column" aria-label={props.title} data-testid={props.testId}>
      <Header variant="h3" counter={props.loading ? undefined : `(${props.items.length}${props.hasMore ? '+' : ''})`} actions={props.actions}>
        {props.title}
      </Header>
      {props.loading && (
        <Box padding="s">
          <Spinner /> Loading
        </Box>
      )}
      {props.error && (
        <Box padding="s">
          <StatusIndicator type="error">
            <RedactedText text={props.error.message} />
          </StatusIndicator>
        </Box>
      )}
      {!props.loading && !props.error && props.items.length === 0 && (
        <Box padding="s" color="text-body-secondary">
          {props.empty}
        </Box>
      )}
      <ul className="memory-pick-list">
        {props.items.map((item) => (
          <li key={item.id}>
            <a href={item.href} className="memory-pick" aria-current={item.id === props.current ? 'true' : undefined} data-testid={`${props.testId}-item`}>
              <span className="memory-pick__label">{item.label}</span>
              {item.detail && <span className="memory-pick__detail">{item.detail}</span>}
            </a>
          </li>
        ))}
      </ul>
      {props.hasMore && props.onMore && (
        <Box padding={{ top: 'xs' }}>
          <Button variant="inline-link" onClick={props.onMore} loading={props.fetchingMore ?? false}>
            Load more
          </Button>
        </Box>
      )}
    </section>
  );
}
