/**
 * Before a run starts: main's estimate of the request count (an upper bound
 * when stages stop on a duration) and cost with its formula; an explicit
 * confirmation when main says the run needs one (real AWS, above the
 * threshold); then `loadtest.start` and the run's live view. Nothing starts
 * by itself.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LoadEstimate, Scenario } from '../../../../shared/loadtest';
import type { ApiError } from '../../../../shared/errors';
import { ConfirmFooter } from '../../components/confirm-footer';
import { RedactedText } from '../../components/redacted-text';
import { useHashRoute } from '../../routing/use-hash-route';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { formatUsd, formatValue } from '../metrics/metrics-format';
import { loadTestQuery } from './loadtest-route';

/** Typing settles before main is asked again. */
const ESTIMATE_AFTER_MS = 300;

function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ESTIMATE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

function EstimateFigures({ estimate }: { estimate: LoadEstimate }) {
  return (
    <ColumnLayout columns={3} variant="text-grid">
      <div data-testid="loadtest-estimate-requests">
        <Box variant="awsui-key-label">Requests</Box>
        <Box fontSize="display-l" fontWeight="bold">
          {estimate.requestsIsUpperBound ? '≤ ' : ''}
          {formatValue(estimate.requests, 'count')}
        </Box>
        <Box color="text-body-secondary">{estimate.requestsIsUpperBound ? 'Upper bound: stages stop on a duration' : 'Exact: stages stop on a count'}</Box>
      </div>
      <div data-testid="loadtest-estimate-cost">
        <Box variant="awsui-key-label">Estimated cost</Box>
        <Box fontSize="display-l" fontWeight="bold">
          {formatUsd(estimate.usd)}
        </Box>
        <Box color="text-body-secondary" variant="small">
          {estimate.formula}
        </Box>
      </div>
      <div>
        <Box variant="awsui-key-label">Prompts</Box>
        <Box fontSize="display-l" fontWeight="bold">
          {formatValue(estimate.prompts, 'count')}
        </Box>
        <Box color="text-body-secondary">Sent in turn</Box>
      </div>
    </ColumnLayout>
  );
}

interface StartPanelProps {
  scenario: Scenario | null;
  /** Why there is no scenario yet, one line per field. */
  blocking: readonly string[];
  onRefused: (error: ApiError | null) => void;
}

export function StartPanel({ scenario, blocking, onRefused }: StartPanelProps) {
  const settled = useSettled(scenario);
  const { go } = useHashRoute();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const estimate = useApiQuery('loadtest.estimate', { scenario: settled! }, { enabled: settled !== null, placeholderData: keepPreviousData, retry: false });
  const start = useApiMutation('loadtest.start', {
    onSuccess: (summary) => {
      void queryClient.invalidateQueries({ queryKey: ['loadtest.runs'] });
      go('loadtest', loadTestQuery({ kind: 'run', runId: summary.id }));
    },
  });
  const current = scenario !== null && settled === scenario;
  useEffect(() => onRefused(current ? (estimate.error ?? null) : null), [current, estimate.error, onRefused]);
  const ready = current && estimate.data !== undefined && !estimate.isFetching && !estimate.error;
  const begin = (confirmed: boolean): void => {
    if (scenario) start.mutate({ scenario, confirmed });
  };
  return (
    <SpaceBetween size="m">
      {scenario === null ? (
        <div data-testid="loadtest-blocking">
          <Box color="text-body-secondary">Before the estimate and start:</Box>
          <ul className="loadtest-blocking">
            {blocking.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : estimate.error && current ? (
        <Alert type="error" header="Main refused this scenario" data-testid="loadtest-estimate-error">
          <RedactedText text={estimate.error.message} />
        </Alert>
      ) : estimate.data ? (
        <EstimateFigures estimate={estimate.data} />
      ) : (
        <Spinner />
      )}
      {start.error && (
        <Alert type="error" header="The run did not start" data-testid="loadtest-start-error">
          <RedactedText text={start.error.message} />
        </Alert>
      )}
      <Button
        variant="primary"
        iconName="caret-right-filled"
        disabled={!ready}
        disabledReason={scenario === null ? 'Complete the scenario first' : 'Waiting for the estimate'}
        loading={start.isPending}
        onClick={() => (estimate.data?.needsConfirmation ? setConfirming(true) : begin(false))}
        data-testid="loadtest-start"
      >
        Start load test
      </Button>
      {confirming && estimate.data && (
        <Modal
          visible
          onDismiss={() => setConfirming(false)}
          header="Start a load test on real AWS?"
          footer={
            <ConfirmFooter
              confirmLabel="Start the run"
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                begin(true);
              }}
              confirmTestId="loadtest-confirm-start"
            />
          }
        >
          <SpaceBetween size="m">
            <Box>
              This run sends {estimate.data.requestsIsUpperBound ? 'up to ' : ''}
              {formatValue(estimate.data.requests, 'count')} requests to a real agent runtime, billed to its account: about {formatUsd(estimate.data.usd)}.
            </Box>
            <Box variant="small" color="text-body-secondary">
              {estimate.data.formula}
            </Box>
          </SpaceBetween>
        </Modal>
      )}
    </SpaceBetween>
  );
}
