/** "Import Artillery report": a report.json from `artillery run --output`, read back against this scenario's acceptance table, opened as a run. */
import { useQueryClient } from '@tanstack/react-query';
import type { Scenario } from '../../../../shared/loadtest';
import { useApiMutation } from '../../state/api-query';
import { notify, notifyError } from '../../state/notifications';
import { useHashRoute } from '../../routing/use-hash-route';
import { loadTestQuery } from './loadtest-route';
import { FileImportButton } from '../../components/file-import-button';

const REPORT_LIMIT_BYTES = 50_000_000;

export function ArtilleryImportButton({ scenario, disabledReason }: { scenario: Scenario | null; disabledReason: string }) {
  const { go } = useHashRoute();
  const queryClient = useQueryClient();
  const importing = useApiMutation('loadtest.artilleryImport', {
    onSuccess: (summary) => {
      void queryClient.invalidateQueries({ queryKey: ['loadtest.runs'] });
      notify(
        { type: 'success', header: `Imported the Artillery report as “${summary.name}”`, content: `${summary.requests} requests, ${summary.failed} failed.` },
        'loadtest-import',
      );
      go('loadtest', loadTestQuery({ kind: 'run', runId: summary.id }));
    },
    onError: (error) => notifyError('Import Artillery report', error),
  });
  const pick = async (file: File): Promise<void> => {
    if (!scenario) return;
    if (file.size > REPORT_LIMIT_BYTES) {
      notifyError('Import Artillery report', new Error(`${file.name} is ${Math.round(file.size / 1e6)} MB; the limit is 50 MB.`));
      return;
    }
    importing.mutate({ scenario, report: await file.text() });
  };
  return (
    <FileImportButton
      accept=".json,application/json"
      testId="loadtest-artillery-import"
      onFile={(file) => void pick(file)}
      disabled={!scenario}
      disabledReason={disabledReason}
      loading={importing.isPending}
    >
      Import Artillery report
    </FileImportButton>
  );
}
