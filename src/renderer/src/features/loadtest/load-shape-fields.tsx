/** How hard and how long: virtual users, ramp-up, duration or request count (per stage), think time, sessions and the request timeout. */
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { LOADTEST_CAPS } from '../../../../shared/loadtest';
import type { FieldErrors, ScenarioDraft } from './scenario-draft';

type NumberKey = 'users' | 'rampUpSeconds' | 'durationSeconds' | 'requestCount' | 'thinkTimeMs' | 'timeoutSeconds';

interface Props {
  draft: ScenarioDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ScenarioDraft>) => void;
}

function NumberField({
  draft,
  errors,
  onChange,
  field,
  errorKey = field,
  label,
  description,
  inputMode = 'numeric',
}: Props & { field: NumberKey; errorKey?: string; label: string; description: string; inputMode?: InputProps['inputMode'] }) {
  return (
    <FormField label={label} description={description} errorText={errors[errorKey]} data-testid={`loadtest-field-${field}`}>
      <Input
        type="number"
        inputMode={inputMode}
        value={draft[field]}
        onChange={(e) => onChange({ [field]: e.detail.value })}
        invalid={errors[errorKey] !== undefined}
        ariaLabel={label}
      />
    </FormField>
  );
}

export function LoadShapeFields(props: Props) {
  const { draft, onChange } = props;
  const withTable = draft.acceptance.length > 0;
  return (
    <SpaceBetween size="l">
      <ColumnLayout columns={3}>
        <NumberField
          {...props}
          field="users"
          label="Virtual users"
          description={
            withTable ? 'Each acceptance row runs as a stage at its own user count; this is the fallback.' : `Concurrent users, 1–${LOADTEST_CAPS.users}.`
          }
        />
        <NumberField {...props} field="rampUpSeconds" label="Ramp-up (s)" description="Time to reach the stage’s users." />
        <NumberField {...props} field="thinkTimeMs" label="Think time (ms)" description="Pause between a user’s requests." />
      </ColumnLayout>
      <ColumnLayout columns={3}>
        <FormField label="Each stage stops after" description="A duration (the request count is then an upper bound) or an exact count.">
          <RadioGroup
            value={draft.stopKind}
            onChange={(e) => onChange({ stopKind: e.detail.value as ScenarioDraft['stopKind'] })}
            items={[
              { value: 'duration', label: 'A duration' },
              { value: 'requests', label: 'A number of requests' },
            ]}
            ariaLabel="How each stage stops"
          />
        </FormField>
        {draft.stopKind === 'duration' ? (
          <NumberField
            {...props}
            field="durationSeconds"
            errorKey="stop"
            label="Duration per stage (s)"
            description={`Up to ${LOADTEST_CAPS.durationSeconds} s.`}
          />
        ) : (
          <NumberField
            {...props}
            field="requestCount"
            errorKey="stop"
            label="Requests per stage"
            description={`Up to ${LOADTEST_CAPS.requests.toLocaleString('en-US')}.`}
          />
        )}
        <NumberField
          {...props}
          field="timeoutSeconds"
          label="Request timeout (s)"
          description="A request still running then counts as a timeout."
          inputMode="decimal"
        />
      </ColumnLayout>
      <FormField label="Runtime sessions" description="A session per user models real users; one per request measures cold starts.">
        <RadioGroup
          value={draft.sessionPer}
          onChange={(e) => onChange({ sessionPer: e.detail.value as ScenarioDraft['sessionPer'] })}
          items={[
            { value: 'user', label: 'One session per virtual user', description: 'Requests of a user share its runtime session, as a chat does.' },
            { value: 'request', label: 'A new session per request', description: 'Every request may start a new microVM (cold start).' },
          ]}
          ariaLabel="Runtime sessions"
        />
      </FormField>
    </SpaceBetween>
  );
}
