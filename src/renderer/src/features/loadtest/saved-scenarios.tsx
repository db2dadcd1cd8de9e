/** Scenarios saved by name: load one into the form, save the form under its name, delete one (confirmed). */
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import Box from '@cloudscape-design/components/box';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SavedScenario, Scenario } from '../../../../shared/loadtest';
import { ConfirmFooter } from '../../components/confirm-footer';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notify, notifyError } from '../../state/notifications';
import { formatRelative } from '../../lib/relative-time';

interface Props {
  scenario: Scenario | null;
  loadedName: string | null;
  onLoad: (saved: SavedScenario) => void;
}

export function SavedScenarios({ scenario, loadedName, onLoad }: Props) {
  const queryClient = useQueryClient();
  const saved = useApiQuery('loadtest.scenarios', {});
  const [deleting, setDeleting] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['loadtest.scenarios'] });
  const save = useApiMutation('loadtest.saveScenario', {
    onSuccess: (result) => {
      void refresh();
      notify({ type: 'success', header: `Saved scenario “${result.name}”` }, 'loadtest-saved');
    },
    onError: (error) => notifyError('Save scenario', error),
  });
  const remove = useApiMutation('loadtest.deleteScenario', {
    onSuccess: () => {
      void refresh();
      setDeleting(null);
    },
    onError: (error) => notifyError('Delete scenario', error),
  });
  const now = Date.now();
  const options = (saved.data ?? []).map((s) => ({ value: s.name, label: s.name, description: `Saved ${formatRelative(s.updatedAt, now)}` }));
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <Select
        selectedOption={options.find((o) => o.value === loadedName) ?? null}
        options={options}
        placeholder="Load a saved scenario"
        onChange={(e) => {
          const found = saved.data?.find((s) => s.name === e.detail.selectedOption.value);
          if (found) onLoad(found);
        }}
        statusType={saved.isPending ? 'loading' : saved.error ? 'error' : 'finished'}
        errorText={saved.error ? `Saved scenarios could not be read: ${saved.error.message}` : undefined}
        loadingText="Loading saved scenarios"
        empty="No saved scenarios yet"
        ariaLabel="Saved scenario"
        data-testid="loadtest-saved-select"
      />
      <Button
        onClick={() => scenario && save.mutate({ scenario })}
        disabled={!scenario}
        disabledReason="Fix the fields marked in red first"
        loading={save.isPending}
        data-testid="loadtest-save"
      >
        Save scenario
      </Button>
      <Button onClick={() => setDeleting(loadedName)} disabled={!loadedName} disabledReason="Load a saved scenario to delete it">
        Delete scenario
      </Button>
      {deleting && (
        <Modal
          visible
          onDismiss={() => setDeleting(null)}
          header="Delete saved scenario"
          footer={
            <ConfirmFooter
              confirmLabel="Delete"
              onCancel={() => setDeleting(null)}
              onConfirm={() => remove.mutate({ name: deleting })}
              loading={remove.isPending}
            />
          }
        >
          <Box>Delete the saved scenario “{deleting}”? Runs made from it are kept.</Box>
        </Modal>
      )}
    </SpaceBetween>
  );
}
