/**
 * `#/loadtest?view=new`: a scenario — target, prompt set, load shape,
 * payload, acceptance table — checked field by field with the contract's
 * schema as it is typed, saved by name, handed to Artillery, and started
 * after main's estimate.
 */
import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { SavedScenario } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { qualifiersOf } from '../chat/agent-picker';
import { useRuntimes } from '../logs/runtime-picker';
import { AcceptanceEditor } from './acceptance-editor';
import { ArtilleryExportModal } from './artillery-export';
import { ArtilleryImportButton } from './artillery-import';
import { LoadShapeFields } from './load-shape-fields';
import { PayloadField } from './payload-field';
import { PromptSourceEditor } from './prompt-source-editor';
import { SavedScenarios } from './saved-scenarios';
import { checkDraft, draftFromSaved, emptyDraft, fieldOf, fromScenario, type FieldErrors, type ScenarioDraft } from './scenario-draft';
import { StartPanel } from './start-panel';
import { errorList, touchedBy, visibleErrors } from './touched-fields';

/** Main's refusal at the field it names: `details.field` (a prompt file it cannot read, a payload that is not JSON), or zod issues under `scenario.…`. */
function refusalErrors(error: ApiError | null): FieldErrors {
  if (!error) return {};
  const field = error.details?.field;
  if (typeof field === 'string' && field !== 'confirmed') return { [fieldOf(field.split('.'))]: error.message };
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as unknown[]) : [];
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : [];
    if (parts[0] === 'scenario' && typeof message === 'string') errors[fieldOf(parts.slice(1))] ??= message;
  }
  return errors;
}

export function ScenarioForm({ agent, from }: { agent: string | null; from: string | null }) {
  const { runtimes, loading } = useRuntimes();
  const [draft, setDraft] = useState<ScenarioDraft>(() => emptyDraft(agent));
  const [loadedName, setLoadedName] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [artillery, setArtillery] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string> | 'all'>(new Set<string>());
  const update = useCallback((patch: Partial<ScenarioDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTouched((t) => (t === 'all' ? t : new Set([...t, ...touchedBy(patch)])));
  }, []);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const errors: FieldErrors = { ...refusalErrors(refusal), ...visibleErrors(check.errors, touched) };
  const load = (saved: SavedScenario): void => {
    setDraft(draftFromSaved(saved));
    setLoadedName(saved.name);
    setTouched('all');
  };
  // "Run again" from a result: the run's scenario, once it has loaded.
  const source = useApiQuery('loadtest.run', { runId: from ?? '' }, { enabled: from !== null });
  const copied = useRef(false);
  useEffect(() => {
    if (!source.data || copied.current) return;
    copied.current = true;
    setDraft(fromScenario(source.data.scenario));
    setTouched('all');
  }, [source.data]);
  const selected = runtimes.find((r) => r.key === draft.agentKey);
  const agentOptions = runtimes.map((r) => ({ value: r.key, label: r.name, description: `${r.region} · ${r.profile}`, tags: [r.status] }));
  const endpointOptions = qualifiersOf(selected).map((q) => ({ value: q, label: q }));
  const notReady = 'Fix the fields marked in red first';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Virtual users send the prompt set to an agent runtime; each acceptance row runs as a stage and passes or fails."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button href={hrefFor('loadtest')}>All runs</Button>
              <ArtilleryImportButton scenario={check.scenario} disabledReason={notReady} />
              <Button
                onClick={() => setArtillery(true)}
                disabled={!check.scenario}
                disabledReason={notReady}
                iconName="share"
                data-testid="loadtest-artillery-export"
              >
                Export to Artillery
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="page-loadtest">New load test</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {source.error && (
          <Alert type="error" header="The run to copy could not be read">
            <RedactedText text={source.error.message} />
          </Alert>
        )}
        <Container
          header={
            <Header variant="h2" actions={<SavedScenarios scenario={check.scenario} loadedName={loadedName} onLoad={load} />}>
              Target
            </Header>
          }
        >
          <ColumnLayout columns={3}>
            <FormField label="Scenario name" errorText={errors.name} data-testid="loadtest-field-name">
              <Input
                value={draft.name}
                onChange={(e) => update({ name: e.detail.value })}
                placeholder="Checkout acceptance"
                ariaLabel="Scenario name"
                invalid={!!errors.name}
              />
            </FormField>
            <FormField label="Agent runtime" errorText={errors.agentKey} data-testid="loadtest-field-agent">
              <Select
                selectedOption={agentOptions.find((o) => o.value === draft.agentKey) ?? null}
                options={agentOptions}
                onChange={(e) => update({ agentKey: e.detail.selectedOption.value ?? null, qualifier: 'DEFAULT', payloadTemplate: null })}
                placeholder="Choose an agent runtime"
                filteringType="auto"
                statusType={loading ? 'loading' : 'finished'}
                loadingText="Loading the fleet"
                empty="No agent runtimes in the fleet"
                ariaLabel="Agent runtime"
                invalid={!!errors.agentKey}
                virtualScroll={agentOptions.length > 200}
              />
            </FormField>
            <FormField label="Endpoint" errorText={errors.qualifier}>
              <Select
                selectedOption={endpointOptions.find((o) => o.value === draft.qualifier) ?? { value: draft.qualifier, label: draft.qualifier }}
                options={endpointOptions}
                onChange={(e) => update({ qualifier: e.detail.selectedOption.value ?? 'DEFAULT' })}
                disabled={!selected}
                ariaLabel="Endpoint"
              />
            </FormField>
          </ColumnLayout>
        </Container>
        <Container header={<Header variant="h2">Prompts and payload</Header>}>
          <SpaceBetween size="l">
            <PromptSourceEditor draft={draft} error={errors.prompts} onChange={update} />
            <PayloadField
              agentKey={draft.agentKey}
              value={draft.payloadTemplate}
              error={errors.payloadTemplate}
              onChange={(payloadTemplate) => update({ payloadTemplate })}
            />
          </SpaceBetween>
        </Container>
        <Container header={<Header variant="h2">Load</Header>}>
          <LoadShapeFields draft={draft} errors={errors} onChange={update} />
        </Container>
        <Container
          header={
            <Header variant="h2" description="Optional. With rows, the run is one stage per row at the row’s user count.">
              Acceptance table
            </Header>
          }
        >
          <AcceptanceEditor rows={draft.acceptance} errors={errors} onChange={(acceptance) => update({ acceptance })} />
        </Container>
        <Container
          header={
            <Header variant="h2" description="Main’s estimate from the price table. Nothing starts until you press Start.">
              Start
            </Header>
          }
        >
          <StartPanel scenario={check.scenario} blocking={errorList(check.errors)} onRefused={setRefusal} />
        </Container>
      </SpaceBetween>
      {artillery && check.scenario && <ArtilleryExportModal scenario={check.scenario} onClose={() => setArtillery(false)} />}
    </ContentLayout>
  );
}
