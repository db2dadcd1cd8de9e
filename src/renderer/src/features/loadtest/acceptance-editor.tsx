/** The acceptance table: rows of users / latency limit / success rate; "Seed table" fills the field reports' table. */
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { SEED_ACCEPTANCE, type AcceptanceDraft, type FieldErrors } from './scenario-draft';

const MAX_ROWS = 10;

interface Props {
  rows: readonly AcceptanceDraft[];
  errors: FieldErrors;
  onChange: (rows: AcceptanceDraft[]) => void;
}

export function AcceptanceEditor({ rows, errors, onChange }: Props) {
  const set = (index: number, patch: Partial<AcceptanceDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const cell = (index: number, field: keyof AcceptanceDraft, label: string, unit: string) => (
    <Input
      type="number"
      inputMode={field === 'users' ? 'numeric' : 'decimal'}
      value={rows[index]![field]}
      onChange={(e) => set(index, { [field]: e.detail.value })}
      invalid={errors[`acceptance.${index}.${field}`] !== undefined}
      ariaLabel={`${label} (${unit}), row ${index + 1}`}
    />
  );
  return (
    <SpaceBetween size="s">
      <div data-testid="loadtest-acceptance-editor">
        <AttributeEditor<AcceptanceDraft>
          items={[...rows]}
          onAddButtonClick={() => onChange([...rows, { users: '', latencySeconds: '', successPct: '100' }])}
          onRemoveButtonClick={({ detail }) => onChange(rows.filter((_, i) => i !== detail.itemIndex))}
          addButtonText="Add row"
          removeButtonText="Remove"
          disableAddButton={rows.length >= MAX_ROWS}
          additionalInfo={
            rows.length >= MAX_ROWS
              ? `At most ${MAX_ROWS} rows.`
              : 'Each row runs as a stage, in order. A row passes when its share of requests succeeded within the limit.'
          }
          definition={[
            { label: 'Virtual users', errorText: (_, i) => errors[`acceptance.${i}.users`], control: (_, i) => cell(i, 'users', 'Virtual users', 'users') },
            {
              label: 'Latency limit (s)',
              errorText: (_, i) => errors[`acceptance.${i}.latencySeconds`],
              control: (_, i) => cell(i, 'latencySeconds', 'Latency limit', 'seconds'),
            },
            {
              label: 'Within limit (%)',
              errorText: (_, i) => errors[`acceptance.${i}.successPct`],
              control: (_, i) => cell(i, 'successPct', 'Requests within the limit', 'percent'),
            },
          ]}
          empty="No acceptance table: the run reports its figures without a pass or fail."
        />
      </div>
      <Button onClick={() => onChange([...SEED_ACCEPTANCE])} iconName="insert-row" data-testid="loadtest-seed-table">
        Seed table
      </Button>
    </SpaceBetween>
  );
}
