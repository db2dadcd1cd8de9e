/**
 * Errors by class with the newest sample messages of each. The messages come
 * from AWS or the agent, so they pass the presentation redaction; throttling
 * is a class of its own, never lumped in with crashes.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ErrorClass, ErrorSample } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { formatClock } from '../../lib/relative-time';
import { formatValue } from '../metrics/metrics-format';
import { errorClassLabels } from './run-figures';

const SAMPLES_PER_CLASS = 3;

export function ErrorBreakdown({
  errors,
  samples,
  requests,
}: {
  errors: ReadonlyArray<{ errorClass: ErrorClass; count: number }>;
  samples: readonly ErrorSample[];
  requests: number;
}) {
  return (
    <Container
      data-testid="loadtest-errors"
      header={
        <Header variant="h3" description="Failed requests by class, with the newest messages of each.">
          Errors
        </Header>
      }
    >
      {errors.length === 0 ? (
        <StatusIndicator type="success">No failed request{requests > 0 ? ` in ${formatValue(requests, 'count')}` : ''}</StatusIndicator>
      ) : (
        <SpaceBetween size="s">
          {errors.map(({ errorClass, count }) => {
            const own = samples.filter((s) => s.errorClass === errorClass).slice(0, SAMPLES_PER_CLASS);
            const share = requests > 0 ? `${formatValue((count / requests) * 100, 'percent')} of requests` : undefined;
            return (
              <div key={errorClass} data-testid="loadtest-error-class" data-error-class={errorClass}>
                <ExpandableSection headerText={`${errorClassLabels[errorClass]}: ${formatValue(count, 'count')}`} headerDescription={share} variant="footer">
                  {own.length === 0 ? (
                    <Box color="text-body-secondary">No sample message kept for this class.</Box>
                  ) : (
                    <ul className="loadtest-samples">
                      {own.map((s) => (
                        <li key={`${s.at}-${s.message}`}>
                          <Box variant="small" color="text-body-secondary">
                            {formatClock(s.at)}
                            {s.status !== null ? ` · HTTP ${s.status}` : ''}
                          </Box>
                          <div className="loadtest-samples__message">
                            <RedactedText text={s.message} />
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </ExpandableSection>
              </div>
            );
          })}
        </SpaceBetween>
      )}
    </Container>
  );
}
