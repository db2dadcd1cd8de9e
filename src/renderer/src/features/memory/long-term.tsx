/**
 * Long-term memory as AgentCore structures it: strategy › namespace › record.
 * Choose an actor (and a session, for templates with one): each strategy's
 * template resolves to the namespace to list and search, shown as a path.
 * A typed namespace that no strategy writes to is said to be so.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import { resolveNamespaces, strategyForNamespace } from '../../../../shared/memory-namespaces';
import { useIdentifierFormatter } from '../../components/identifier';
import { hrefFor, navigate } from '../../routing/use-hash-route';
import { memoryQuery, type MemoryView } from './memory-route';
import { PickList } from './pick-list';
import { RecordDetail } from './record-detail';
import { RecordsTable } from './records-table';
import { SemanticSearch } from './semantic-search';
import { usePaged } from './use-paged';
import { useRedact } from '../../state/presentation';

type Strategies = MemoryDetail['strategies'];

export function LongTerm({ view, memory, strategies }: { view: MemoryView; memory: FleetResource; strategies: Strategies }) {
  const key = memory.key;
  const formatId = useIdentifierFormatter();
  const actors = usePaged('memory.actors', { key });
  const redact = useRedact();
  const actorId = view.actor ?? actors.items[0]?.actorId ?? null;
  const sessions = usePaged('memory.sessions', { key, actorId: actorId ?? '-' }, actorId !== null);
  const go = (patch: Partial<Omit<MemoryView, 'memory'>>): void =>
    navigate({ page: 'memory', query: memoryQuery({ ...view, tab: 'long', record: null, ...patch, memory: key }) });
  const resolved = actorId ? resolveNamespaces(strategies, actorId, view.session ?? undefined) : [];
  const namespace = view.namespace ?? resolved[0]?.namespace ?? null;
  const strategy = namespace ? strategyForNamespace(strategies, namespace) : undefined;

  const actorOptions: SelectProps.Option[] = actors.items.map(({ actorId: id }) => ({ value: id, label: formatId('user', id) }));
  const sessionOptions: SelectProps.Option[] = [
    { value: '', label: 'Any session' },
    ...sessions.items.map((s) => ({ value: s.sessionId, label: s.sessionId })),
  ];
  return (
    <div className="memory-long" data-testid="memory-long-term">
      <div className="memory-column memory-namespaces">
        <SpaceBetween size="s">
          <FormField label="Actor">
            <Select
              selectedOption={actorOptions.find((o) => o.value === actorId) ?? null}
              onChange={(e) => go({ actor: e.detail.selectedOption.value ?? null, session: null, namespace: null })}
              options={actorOptions}
              statusType={actors.isLoading ? 'loading' : actors.error ? 'error' : 'finished'}
              errorText={actors.error ? redact(actors.error.message) : undefined}
              placeholder="Choose an actor"
              empty="No actors"
              filteringType="auto"
              ariaLabel="Actor"
              data-testid="memory-long-actor"
            />
          </FormField>
          <FormField label="Session" description="For templates with {sessionId}.">
            <Select
              selectedOption={sessionOptions.find((o) => o.value === (view.session ?? '')) ?? sessionOptions[0]!}
              onChange={(e) => go({ actor: actorId, session: e.detail.selectedOption.value || null, namespace: null })}
              options={sessionOptions}
              disabled={!actorId}
              filteringType="auto"
              ariaLabel="Session"
            />
          </FormField>
          <PickList
            title="Namespaces"
            testId="memory-namespaces"
            items={resolved.map((n) => ({
              id: n.namespace,
              label: n.namespace,
              detail: `${n.strategyName} · ${n.template}${n.complete ? '' : ' (prefix)'}`,
              href: hrefFor(
                'memory',
                memoryQuery({ memory: key, tab: 'long', actor: actorId ?? '', ...(view.session ? { session: view.session } : {}), namespace: n.namespace }),
              ),
            }))}
            current={namespace}
            loading={false}
            error={null}
            empty={strategies.length ? 'Choose an actor.' : 'This memory has no long-term strategies: it keeps short-term events only.'}
          />
          <CustomNamespace onOpen={(ns) => go({ actor: actorId, namespace: ns })} />
        </SpaceBetween>
      </div>
      <div className="memory-records">
        {namespace ? (
          <SpaceBetween size="l">
            {!strategy && (
              <Alert type="warning" header="No strategy writes to this namespace" data-testid="memory-namespace-unmatched">
                {namespace} matches none of this memory's strategy templates ({strategies.flatMap((s) => s.namespaces).join(', ') || 'none'}), so AgentCore has
                no records here. Check the actor id and the template.
              </Alert>
            )}
            {view.record && <RecordDetail memory={memory} recordId={view.record} strategies={strategies} />}
            <SemanticSearch memory={memory} namespace={namespace} strategies={strategies} />
            <RecordsTable memory={memory} namespace={namespace} strategies={strategies} selectedRecord={view.record} />
          </SpaceBetween>
        ) : (
          <Box color="text-body-secondary" textAlign="center" padding="l">
            Choose an actor and a namespace to see its records.
          </Box>
        )}
      </div>
    </div>
  );
}

function CustomNamespace({ onOpen }: { onOpen: (namespace: string) => void }) {
  const [value, setValue] = useState('');
  const open = (): void => {
    const ns = value.trim();
    if (ns) onOpen(ns.startsWith('/') ? ns : `/${ns}`);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      <FormField label="Any namespace" description="AgentCore matches by prefix.">
        <SpaceBetween direction="horizontal" size="xs">
          <Input value={value} onChange={(e) => setValue(e.detail.value)} placeholder="/users/alice" ariaLabel="Namespace path" />
          <Button formAction="submit" disabled={!value.trim()}>
            Open
          </Button>
        </SpaceBetween>
      </FormField>
    </form>
  );
}
