/** Deleting runs, confirmed first: a run's figures are gone from the console's store once deleted. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Modal from '@cloudscape-design/components/modal';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LoadRunSummary } from '../../../../shared/loadtest';
import { api } from '../../api';
import { ConfirmFooter } from '../../components/confirm-footer';
import { RedactedText } from '../../components/redacted-text';
import { toApiError } from '../../state/api-error';
import { notify } from '../../state/notifications';
import { useHashRoute } from '../../routing/use-hash-route';

export function DeleteRunModal({ runs, onClose }: { runs: readonly LoadRunSummary[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { route, go } = useHashRoute();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      for (const run of runs) await api.call('loadtest.deleteRun', { runId: run.id });
      notify({ type: 'success', header: runs.length === 1 ? `Deleted “${runs[0]!.name}”` : `Deleted ${runs.length} runs` }, 'loadtest-deleted');
      await queryClient.invalidateQueries({ queryKey: ['loadtest.runs'] });
      if (route.query.run || route.query.compare) go('loadtest');
      onClose();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setPending(false);
    }
  };
  const what = runs.length === 1 ? `the run “${runs[0]!.name}”` : `${runs.length} runs`;
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={runs.length === 1 ? 'Delete run' : 'Delete runs'}
      footer={
        <ConfirmFooter confirmLabel="Delete" onCancel={onClose} onConfirm={() => void confirm()} loading={pending} confirmTestId="loadtest-delete-confirm" />
      }
    >
      <Box>Delete {what} and all its figures from this console? Exports you saved are not affected.</Box>
      {error && (
        <Alert type="error" header="Not deleted">
          <RedactedText text={error} />
        </Alert>
      )}
    </Modal>
  );
}
