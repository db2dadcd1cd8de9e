/** What a traces read could not do, in words an SRE can act on (Transaction Search off, Insights refused, a capped read). */
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TraceNotice } from '../../../../shared/traces';
import { RedactedText } from '../../components/redacted-text';

const headers: Record<TraceNotice['code'], string> = {
  no_transaction_search: 'Transaction Search is not enabled',
  no_spans: 'No traces yet',
  insights_refused: 'Read without Logs Insights',
  truncated: 'Not every trace was read',
  lagging: 'Spans still arriving',
};

export function TraceNotices({ notices }: { notices: readonly TraceNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <SpaceBetween size="s">
      {notices.map((n) => (
        <Alert
          key={`${n.code}:${n.message}`}
          type={n.code === 'no_spans' || n.code === 'lagging' ? 'info' : 'warning'}
          header={headers[n.code]}
          data-testid="traces-notice"
        >
          <RedactedText text={n.message} />
        </Alert>
      ))}
    </SpaceBetween>
  );
}
