/**
 * The body every metrics view shares: its controls (range, endpoint) with a
 * spinner while refetching, the read's error, a spinner until the first
 * answer, then the view's sections once data is there.
 */
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { RedactedText } from '../../components/redacted-text';

export interface FrameQuery<T> {
  isFetching: boolean;
  error: ApiError | null;
  data: T | undefined;
}

export function MetricsFrame<T>(props: { controls: ReactNode; query: FrameQuery<T>; errorHeader: string; children: (data: T) => ReactNode }) {
  const { query } = props;
  return (
    <SpaceBetween size="l">
      <SpaceBetween direction="horizontal" size="m" alignItems="center">
        {props.controls}
        {query.isFetching && <Spinner size="normal" />}
      </SpaceBetween>
      {query.error && (
        <Alert type="error" header={props.errorHeader}>
          <RedactedText text={query.error.message} />
        </Alert>
      )}
      {!query.data && !query.error && <Spinner size="large" />}
      {/* One SpaceBetween child per section: a fragment would be spaced as one. */}
      {query.data !== undefined && <SpaceBetween size="l">{props.children(query.data)}</SpaceBetween>}
    </SpaceBetween>
  );
}
