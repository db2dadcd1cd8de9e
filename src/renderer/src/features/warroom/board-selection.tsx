/**
 * What the board shows: every failing agent (re-evaluated each refresh), all
 * agents, or chosen ones — picked from the fleet or from a saved set, and
 * saved as a set for the next incident.
 */
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Multiselect from '@cloudscape-design/components/multiselect';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import type { BoardSelection } from '../../../../shared/warroom';
import { ConfirmFooter } from '../../components/confirm-footer';
import { useIsViewer } from '../../state/viewer';
import { useFleetSnapshot } from '../fleet/fleet-data';
import { useAgentSets, useDeleteSet, useSaveSet } from './warroom-api';
import { RedactedText } from '../../components/redacted-text';

type Mode = BoardSelection['kind'];

export function BoardSelectionControls({ selection, onChange }: { selection: BoardSelection; onChange: (next: BoardSelection) => void }) {
  const resources = useFleetSnapshot().data?.resources;
  const sets = useAgentSets().data ?? [];
  const [lastChosen, setLastChosen] = useState<string[]>(selection.kind === 'agents' ? selection.agentKeys : []);
  const [saving, setSaving] = useState(false);
  const viewer = useIsViewer();
  const deleteSet = useDeleteSet();
  const runtimes = useMemo(() => (resources ?? []).filter((r) => r.kind === 'runtime').sort((a, b) => a.name.localeCompare(b.name)), [resources]);
  const options = useMemo(
    () => runtimes.map((r) => ({ value: r.key, label: r.name, description: `${r.region} · ${r.profile}`, tags: [r.status] })),
    [runtimes],
  );
  const chosen = selection.kind === 'agents' ? selection.agentKeys : [];
  const matchingSet = sets.find((s) => s.agentKeys.length === chosen.length && s.agentKeys.every((k) => chosen.includes(k)));

  const setMode = (mode: Mode): void => {
    if (mode === 'agents') {
      const keys = lastChosen.length ? lastChosen : runtimes.slice(0, 6).map((r) => r.key);
      if (keys.length) onChange({ kind: 'agents', agentKeys: keys });
    } else onChange({ kind: mode });
  };
  const choose = (keys: string[]): void => {
    setLastChosen(keys);
    onChange(keys.length ? { kind: 'agents', agentKeys: keys } : { kind: 'failing' });
  };

  return (
    <SpaceBetween direction="horizontal" size="s" alignItems="end">
      <FormField label="Show">
        <SegmentedControl
          label="Agents on the board"
          selectedId={selection.kind}
          onChange={({ detail }) => setMode(detail.selectedId as Mode)}
          options={[
            { id: 'failing', text: 'All failing' },
            { id: 'all', text: 'All agents' },
            { id: 'agents', text: 'Chosen', disabled: runtimes.length === 0 && lastChosen.length === 0 },
          ]}
        />
      </FormField>
      {selection.kind === 'agents' && (
        <>
          <FormField label="Agents">
            <Multiselect
              selectedOptions={options.filter((o) => chosen.includes(o.value))}
              onChange={({ detail }) => choose(detail.selectedOptions.map((o) => o.value!).filter(Boolean))}
              options={options}
              filteringType="auto"
              placeholder="Choose agents"
              tokenLimit={0}
              i18nStrings={{ tokenLimitShowMore: 'Show chosen', tokenLimitShowFewer: 'Hide chosen' }}
              ariaLabel="Agents on the board"
            />
          </FormField>
          <FormField label="Saved sets">
            <Select
              selectedOption={matchingSet ? { value: matchingSet.name, label: matchingSet.name } : null}
              onChange={({ detail }) => {
                const set = sets.find((s) => s.name === detail.selectedOption.value);
                if (set) choose(set.agentKeys);
              }}
              options={sets.map((s) => ({ value: s.name, label: s.name, description: `${s.agentKeys.length} agents` }))}
              placeholder={sets.length ? 'Load a set' : 'No saved sets'}
              empty="No saved sets yet: choose agents, then Save set."
              ariaLabel="Saved agent sets"
            />
          </FormField>
          {!viewer && <Button onClick={() => setSaving(true)}>Save set</Button>}
          {matchingSet && !viewer && (
            <Button
              iconName="remove"
              ariaLabel={`Delete the saved set ${matchingSet.name}`}
              loading={deleteSet.isPending}
              onClick={() => deleteSet.mutate({ name: matchingSet.name })}
            />
          )}
          {saving && <SaveSetModal agentKeys={chosen} onClose={() => setSaving(false)} />}
        </>
      )}
    </SpaceBetween>
  );
}

function SaveSetModal({ agentKeys, onClose }: { agentKeys: string[]; onClose: () => void }) {
  const [name, setName] = useState('');
  const save = useSaveSet();
  const submit = (): void => save.mutate({ name, agentKeys }, { onSuccess: onClose });
  return (
    <Modal
      visible
      onDismiss={onClose}
      header="Save agent set"
      footer={<ConfirmFooter onCancel={onClose} onConfirm={submit} confirmLabel="Save" loading={save.isPending} disabled={!name.trim()} />}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) submit();
        }}
      >
        <FormField
          label="Name"
          description={`${agentKeys.length} agents; saving under an existing name replaces it.`}
          errorText={save.error && <RedactedText text={save.error.message} />}
        >
          <Input value={name} onChange={({ detail }) => setName(detail.value)} placeholder="Checkout path" autoFocus />
        </FormField>
      </form>
    </Modal>
  );
}
