/**
 * The prompt set: a list typed here, a local file (one prompt per line, a
 * JSON array of strings, or JSONL of {"prompt": …}; main parses it and names
 * the line it cannot read), or a template whose {{variables}} take their
 * values in turn.
 */
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { LOADTEST_CAPS } from '../../../../shared/loadtest';
import type { PromptKind, ScenarioDraft, VariableDraft } from './scenario-draft';

/** The contract's cap on a prompt file's text. */
const FILE_LIMIT_BYTES = 20_000_000;

interface Props {
  draft: ScenarioDraft;
  error: string | undefined;
  onChange: (patch: Partial<ScenarioDraft>) => void;
}

function PromptList({ prompts, onChange }: { prompts: string[]; onChange: (prompts: string[]) => void }) {
  // Always one empty row at the end to type the next prompt into.
  const rows = prompts[prompts.length - 1] === '' ? prompts : [...prompts, ''];
  return (
    <AttributeEditor<string>
      items={rows}
      onAddButtonClick={() => onChange([...rows, ''])}
      onRemoveButtonClick={({ detail }) => onChange(rows.filter((_, i) => i !== detail.itemIndex))}
      addButtonText="Add prompt"
      removeButtonText="Remove"
      isItemRemovable={() => rows.length > 1}
      definition={[
        {
          label: 'Prompt',
          control: (value, index) => (
            <Input
              value={value}
              onChange={(e) => onChange(rows.map((p, i) => (i === index ? e.detail.value : p)))}
              placeholder={index === 0 ? 'Why is checkout-api slow after the deploy?' : 'Another prompt'}
              ariaLabel={`Prompt ${index + 1}`}
              data-testid="loadtest-prompt-input"
            />
          ),
        },
      ]}
      empty="No prompts"
      additionalInfo={`Requests take the prompts in turn. Up to ${LOADTEST_CAPS.prompts.toLocaleString('en-US')}.`}
    />
  );
}

function PromptFile({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  const [readError, setReadError] = useState<string | null>(null);
  const read = async (file: File | undefined): Promise<void> => {
    setReadError(null);
    if (!file) return onChange({ file: null });
    if (file.size > FILE_LIMIT_BYTES) return setReadError(`${file.name} is ${Math.round(file.size / 1e6)} MB; the limit is 20 MB.`);
    onChange({ file: { fileName: file.name, content: await file.text() } });
  };
  const lineCount = draft.file ? draft.file.content.split('\n').filter((l) => l.trim() !== '').length : 0;
  return (
    <SpaceBetween size="xs">
      <FileUpload
        value={[]}
        onChange={({ detail }) => void read(detail.value[0])}
        accept=".txt,.json,.jsonl,.ndjson,text/plain,application/json"
        showFileSize
        constraintText='A text file with one prompt per line, a JSON array of strings, or JSONL with one {"prompt": …} per line.'
        i18nStrings={{
          uploadButtonText: () => (draft.file ? 'Choose another file' : 'Choose prompt file'),
          dropzoneText: () => 'Drop a prompt file here',
          removeFileAriaLabel: () => 'Remove file',
          limitShowFewer: 'Show fewer',
          limitShowMore: 'Show more',
          errorIconAriaLabel: 'Error',
          warningIconAriaLabel: 'Warning',
        }}
        errorText={readError ?? undefined}
        data-testid="loadtest-prompt-file"
      />
      {draft.file && (
        <Box color="text-body-secondary" data-testid="loadtest-prompt-file-name">
          {draft.file.fileName}: {lineCount.toLocaleString('en-US')} non-empty line{lineCount === 1 ? '' : 's'}, read when the estimate runs.
        </Box>
      )}
    </SpaceBetween>
  );
}

function PromptTemplate({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  const setVariable = (index: number, patch: Partial<VariableDraft>) =>
    onChange({ variables: draft.variables.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  return (
    <SpaceBetween size="s">
      <FormField label="Template" description="{{name}} takes the next value of that variable on each request.">
        <Textarea value={draft.template} onChange={(e) => onChange({ template: e.detail.value })} rows={2} ariaLabel="Prompt template" spellcheck={false} />
      </FormField>
      <AttributeEditor<VariableDraft>
        items={draft.variables}
        onAddButtonClick={() => onChange({ variables: [...draft.variables, { name: '', values: '' }] })}
        onRemoveButtonClick={({ detail }) => onChange({ variables: draft.variables.filter((_, i) => i !== detail.itemIndex) })}
        addButtonText="Add variable"
        removeButtonText="Remove"
        definition={[
          {
            label: 'Variable',
            control: (v, i) => <Input value={v.name} onChange={(e) => setVariable(i, { name: e.detail.value })} ariaLabel={`Variable ${i + 1} name`} />,
          },
          {
            label: 'Values, one per line',
            control: (v, i) => (
              <Textarea
                value={v.values}
                onChange={(e) => setVariable(i, { values: e.detail.value })}
                rows={2}
                ariaLabel={`Values of ${v.name || `variable ${i + 1}`}`}
              />
            ),
          },
        ]}
        empty="No variables: every request sends the template as it is."
      />
    </SpaceBetween>
  );
}

const kinds: Array<{ id: PromptKind; text: string }> = [
  { id: 'list', text: 'List' },
  { id: 'file', text: 'File' },
  { id: 'template', text: 'Template' },
];

export function PromptSourceEditor({ draft, error, onChange }: Props) {
  return (
    <FormField label="Prompt set" errorText={error} stretch data-testid="loadtest-prompts-field">
      <SpaceBetween size="s">
        <SegmentedControl
          selectedId={draft.promptKind}
          options={kinds}
          onChange={(e) => onChange({ promptKind: e.detail.selectedId as PromptKind })}
          label="Where the prompts come from"
        />
        {draft.promptKind === 'list' && <PromptList prompts={draft.prompts} onChange={(prompts) => onChange({ prompts })} />}
        {draft.promptKind === 'file' && <PromptFile draft={draft} onChange={onChange} />}
        {draft.promptKind === 'template' && <PromptTemplate draft={draft} onChange={onChange} />}
      </SpaceBetween>
    </FormField>
  );
}
