/** Deleting records: the typed confirmation, then a result that names what went and what stayed. */
import { useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { useApiMutation } from '../../state/api-query';
import { notify } from '../../state/notifications';
import { DeleteDialog } from './delete-dialog';
import { useResetMemoryLists } from './use-paged';

export interface RecordsDeleteProps {
  memory: FleetResource;
  records: Array<{ recordId: string; namespace?: string }>;
  where: string;
  onClose: (deleted: string[]) => void;
}

export function RecordsDelete({ memory, records, where, onClose }: RecordsDeleteProps) {
  const remove = useApiMutation('memory.deleteRecords');
  const resetLists = useResetMemoryLists();
  const [error, setError] = useState<string>();
  return (
    <DeleteDialog
      noun="record"
      ids={records.map((r) => r.recordId)}
      where={where}
      busy={remove.isPending}
      {...(error ? { error } : {})}
      onCancel={() => onClose([])}
      onConfirm={(confirmation) =>
        remove.mutate(
          { key: memory.key, records, confirmation },
          {
            onSuccess: (result) => {
              void resetLists(memory.key);
              if (result.failed.length === 0) {
                notify({
                  type: 'success',
                  header: 'Deleted',
                  content: result.deleted.length === 1 ? `Deleted record ${result.deleted[0]}.` : `Deleted ${result.deleted.length} records.`,
                });
                onClose(result.deleted);
                return;
              }
              const stayed = result.failed.map((f) => `${f.recordId} (${f.message})`).join('; ');
              notify({
                type: result.deleted.length ? 'warning' : 'error',
                header: result.deleted.length ? 'Some records were not deleted' : 'No record was deleted',
                content: `Deleted ${result.deleted.length} of ${records.length} records. Not deleted: ${stayed}`,
              });
              onClose(result.deleted);
            },
            onError: (e) => setError(e.message),
          },
        )
      }
    />
  );
}
