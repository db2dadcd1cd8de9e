/**
 * RetrieveMemoryRecords over the namespace: what the agent would recall for a
 * query, ranked by AgentCore's similarity, each score shown — the answer to
 * "why did the agent remember that?".
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import { currentRoute, hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { recordSnippet } from './record-text';
import { strategyName } from './records-table';
import { RedactedText } from '../../components/redacted-text';

const topKOptions: SelectProps.Option[] = [5, 10, 20, 50].map((n) => ({ value: String(n), label: `Top ${n}` }));

export function SemanticSearch({ memory, namespace, strategies }: { memory: FleetResource; namespace: string; strategies: MemoryDetail['strategies'] }) {
  const [text, setText] = useState('');
  const [topK, setTopK] = useState<SelectProps.Option>(topKOptions[1]!);
  const [strategy, setStrategy] = useState<SelectProps.Option>({ value: '', label: 'Any strategy' });
  const [asked, setAsked] = useState<{ query: string; topK: number; strategyId?: string } | null>(null);
  const results = useApiQuery(
    'memory.retrieve',
    { key: memory.key, namespace, query: asked?.query ?? '-', topK: asked?.topK ?? 10, ...(asked?.strategyId ? { strategyId: asked.strategyId } : {}) },
    {
      enabled: asked !== null,
      staleTime: 0,
    },
  );
  const run = (): void => {
    const query = text.trim();
    if (query) setAsked({ query, topK: Number(topK.value), ...(strategy.value ? { strategyId: strategy.value } : {}) });
  };
  return (
    <div data-testid="memory-search">
      <Container
        header={
          <Header variant="h2" description="RetrieveMemoryRecords: what the agent recalls for a query, ranked by similarity.">
            Semantic search
          </Header>
        }
      >
        <form
          className="memory-search__form"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <FormField label="Query" stretch>
            <Input
              value={text}
              onChange={(e) => setText(e.detail.value)}
              placeholder="e.g. how does Alice want incident reports?"
              type="search"
              data-testid="memory-search-input"
            />
          </FormField>
          <FormField label="Results">
            <Select selectedOption={topK} onChange={(e) => setTopK(e.detail.selectedOption)} options={topKOptions} />
          </FormField>
          <FormField label="Strategy">
            <Select
              selectedOption={strategy}
              onChange={(e) => setStrategy(e.detail.selectedOption)}
              options={[{ value: '', label: 'Any strategy' }, ...strategies.map((s) => ({ value: s.id, label: s.name }))]}
            />
          </FormField>
          <Button variant="primary" formAction="submit" disabled={!text.trim()} loading={results.isFetching} data-testid="memory-search-run">
            Search
          </Button>
        </form>
        {asked && (
          <Box margin={{ top: 'm' }}>
            {results.error ? (
              <Box color="text-status-error">
                <RedactedText text={results.error.message} />
              </Box>
            ) : (
              <Table
                variant="embedded"
                loading={results.isLoading}
                loadingText="Searching"
                items={results.data ?? []}
                trackBy="recordId"
                wrapLines
                data-testid="memory-search-results"
                columnDefinitions={[
                  { id: 'rank', header: '#', width: 50, cell: (r) => (results.data?.indexOf(r) ?? 0) + 1 },
                  {
                    id: 'score',
                    header: 'Score',
                    width: 180,
                    cell: (r) => (
                      <span className="memory-score">
                        <meter min={0} max={1} value={r.score ?? 0} aria-label={`Similarity ${(r.score ?? 0).toFixed(4)}`} />
                        <span>{(r.score ?? 0).toFixed(4)}</span>
                      </span>
                    ),
                  },
                  {
                    id: 'content',
                    header: 'Record',
                    cell: (r) => <Link href={hrefFor('memory', { ...currentRoute().query, record: r.recordId })}>{recordSnippet(r.text, 180)}</Link>,
                  },
                  { id: 'strategy', header: 'Strategy', width: 150, cell: (r) => strategyName(strategies, r.strategyId) },
                ]}
                empty={<Box color="text-body-secondary">Nothing recalled: this namespace has no records.</Box>}
              />
            )}
          </Box>
        )}
      </Container>
    </div>
  );
}
