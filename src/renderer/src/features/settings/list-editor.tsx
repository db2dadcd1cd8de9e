/** Edits a list of short strings as removable tokens, with an input (and suggestions) to add more. */
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TokenGroup from '@cloudscape-design/components/token-group';
import { useState } from 'react';

export interface ListEditorProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions: readonly string[];
  placeholder: string;
  addLabel: string;
  /** Indices of values that main rejected, shown with a warning icon. */
  invalid: ReadonlySet<number>;
}

export function ListEditor({ values, onChange, suggestions, placeholder, addLabel, invalid }: ListEditorProps) {
  const [draft, setDraft] = useState('');
  const add = (raw: string): void => {
    const value = raw.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const options = suggestions.filter((s) => !values.includes(s)).map((value) => ({ value }));
  return (
    <SpaceBetween size="xs">
      <div className="list-editor__row">
        <div className="list-editor__input">
          <Autosuggest
            value={draft}
            options={options}
            placeholder={placeholder}
            enteredTextLabel={(value) => `Add “${value}”`}
            empty="Type a value and press Enter"
            ariaLabel={placeholder}
            onChange={(event) => setDraft(event.detail.value)}
            onSelect={(event) => add(event.detail.value)}
            onKeyDown={(event) => {
              if (event.detail.key !== 'Enter') return;
              // Enter adds the value; it must not also submit the surrounding settings form.
              event.preventDefault();
              add(draft);
            }}
          />
        </div>
        <Button formAction="none" onClick={() => add(draft)} disabled={draft.trim() === ''}>
          {addLabel}
        </Button>
      </div>
      {values.length > 0 && (
        <TokenGroup
          items={values.map((value, index) => ({
            label: value,
            iconName: invalid.has(index) ? 'status-warning' : undefined,
            dismissLabel: `Remove ${value}`,
          }))}
          onDismiss={(event) => onChange(values.filter((_, index) => index !== event.detail.itemIndex))}
        />
      )}
    </SpaceBetween>
  );
}
