/**
 * A delete confirmed by typing what goes, as the AWS console asks before it
 * deletes: the id for one item, "delete N records" for several. The phrase
 * comes from the contract, and main checks it again.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { deleteConfirmation } from '../../../../shared/memory';
import { ConfirmFooter } from '../../components/confirm-footer';
import { RedactedText } from '../../components/redacted-text';

export interface DeleteDialogProps {
  /** "record", "event" — what the ids are. */
  noun: string;
  ids: readonly string[];
  /** Where they live, e.g. the memory and namespace. */
  where: string;
  busy: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: (confirmation: string) => void;
}

export function DeleteDialog({ noun, ids, where, busy, error, onCancel, onConfirm }: DeleteDialogProps) {
  const [typed, setTyped] = useState('');
  const phrase = deleteConfirmation(ids);
  const matches = typed.trim() === phrase;
  const title = ids.length === 1 ? `Delete ${noun}` : `Delete ${ids.length} ${noun}s`;
  const submit = (): void => {
    if (matches && !busy) onConfirm(typed.trim());
  };
  return (
    <Modal
      visible
      onDismiss={onCancel}
      header={title}
      footer={
        <ConfirmFooter confirmLabel="Delete" onCancel={onCancel} onConfirm={submit} loading={busy} disabled={!matches} confirmTestId="memory-delete-confirm" />
      }
    >
      <SpaceBetween size="m">
        <Box>
          This permanently deletes {ids.length === 1 ? `this ${noun}` : `these ${ids.length} ${noun}s`} from {where} in AgentCore. It cannot be undone, and the
          console records it in the audit log.
        </Box>
        <ul className="memory-delete-list" aria-label={`${noun}s to delete`}>
          {ids.slice(0, 8).map((id) => (
            <li key={id}>
              <Box variant="code">{id}</Box>
            </li>
          ))}
          {ids.length > 8 && <li>… and {ids.length - 8} more</li>}
        </ul>
        <FormField
          label={
            <span>
              To confirm, type <Box variant="code">{phrase}</Box>
            </span>
          }
          errorText={typed && !matches ? 'That does not match.' : undefined}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Input
              value={typed}
              onChange={(e) => setTyped(e.detail.value)}
              ariaLabel={`Type ${phrase} to confirm`}
              autoFocus
              data-testid="memory-delete-input"
            />
          </form>
        </FormField>
        {error && (
          <Alert type="error" header="The delete did not complete">
            <RedactedText text={error} />
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
