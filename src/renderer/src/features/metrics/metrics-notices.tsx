/** Why a view is empty or incomplete, said above its charts in words an SRE can act on. */
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { MetricsNotice } from '../../../../shared/metrics';
import { RedactedText } from '../../components/redacted-text';

const titles: Record<MetricsNotice['code'], string> = {
  no_data: 'No data',
  partial_data: 'Partial data',
  throttled: 'CloudWatch throttled the request',
  lagging: 'Figures lag behind',
  range_clamped: 'Range shortened',
  aws_error: 'CloudWatch refused the request',
};

const types: Record<MetricsNotice['code'], 'info' | 'warning' | 'error'> = {
  no_data: 'info',
  partial_data: 'warning',
  throttled: 'warning',
  lagging: 'info',
  range_clamped: 'info',
  aws_error: 'error',
};

export function MetricsNotices({ notices }: { notices: readonly MetricsNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <SpaceBetween size="xs">
      {notices.map((notice) => (
        <Alert key={`${notice.code}:${notice.message}`} type={types[notice.code]} header={titles[notice.code]} data-testid={`metrics-notice-${notice.code}`}>
          <RedactedText text={notice.message} />
        </Alert>
      ))}
    </SpaceBetween>
  );
}
