/** Typing a note into the incident: Ctrl/⌘+Enter adds it; a refused note keeps its text beside main's reason. */
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '../../../../shared/warroom';
import { useAddNote } from './warroom-api';

export function NoteComposer() {
  const [text, setText] = useState('');
  const add = useAddNote();
  const over = text.length > NOTE_MAX_CHARS;
  const submit = (): void => {
    if (!text.trim() || over) return;
    add.mutate({ text }, { onSuccess: () => setText('') });
  };
  return (
    <FormField
      label="Add a note"
      description="Who did what, what you ruled out, what you are waiting for. Notes go into the report with your name and the time."
      constraintText={`${text.length.toLocaleString('en-US')} / ${NOTE_MAX_CHARS.toLocaleString('en-US')} characters · Ctrl+Enter adds it`}
      errorText={
        over
          ? `Notes are at most ${NOTE_MAX_CHARS.toLocaleString('en-US')} characters: this one has ${text.length.toLocaleString('en-US')}.`
          : add.error?.message
      }
      stretch
    >
      <SpaceBetween size="xs">
        <Textarea
          value={text}
          rows={2}
          placeholder="Rolled back checkout-agent to v41; watching error rate"
          onChange={({ detail }) => {
            setText(detail.value);
            if (add.error) add.reset();
          }}
          onKeyDown={({ detail }) => {
            if (detail.key === 'Enter' && (detail.ctrlKey || detail.metaKey)) submit();
          }}
        />
        <Button onClick={submit} loading={add.isPending} disabled={!text.trim() || over}>
          Add note
        </Button>
      </SpaceBetween>
    </FormField>
  );
}
