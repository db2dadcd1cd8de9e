/**
 * The price table every cost figure uses: resources/pricing.json with its
 * source and the date it was checked, and per-entry overrides (a negotiated
 * rate, another region) saved in this console's store. An empty field means
 * "the file's price". Entries main refused are listed by name.
 */
import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PriceTable } from '../../../../shared/metrics';
import { ExternalLink } from '../../components/external-link';
import { apiQueryKey } from '../../state/api-key';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notify, notifyError } from '../../state/notifications';
import { overridesFrom, type Draft } from './price-draft';

const draftOf = (table: PriceTable): Draft =>
  Object.fromEntries(table.entries.filter((e) => table.overridden.includes(e.id)).map((e) => [e.id, String(e.usd)]));

function PricesForm({ table }: { table: PriceTable }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(table));
  const [invalid, setInvalid] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useApiMutation('prices.set', {
    onSuccess: (next) => {
      queryClient.setQueryData(apiQueryKey('prices.get', {}), next);
      // Every cost figure depends on the table.
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('metrics.') });
      notify({ type: 'success', header: 'Prices saved' }, 'prices-saved');
    },
    onError: (error) => notifyError('Save prices', error),
  });
  const submit = (): void => {
    const result = overridesFrom(draft);
    if ('invalid' in result) return setInvalid(result.invalid);
    setInvalid(null);
    save.mutate(result);
  };
  return (
    <SpaceBetween size="s">
      {table.errors.length > 0 && (
        <Alert type="warning" header="Some prices were refused; their defaults are in use" data-testid="prices-errors">
          <ul>
            {table.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Table
        variant="embedded"
        trackBy="id"
        items={table.entries}
        columnDefinitions={[
          { id: 'label', header: 'Item', cell: (e) => e.label },
          { id: 'per', header: 'Per', cell: (e) => e.per },
          {
            id: 'usd',
            header: 'Price (USD)',
            cell: (e) => (
              <SpaceBetween direction="horizontal" size="xs" alignItems="center">
                <Input
                  type="number"
                  inputMode="decimal"
                  value={draft[e.id] ?? ''}
                  placeholder={String(e.usd)}
                  invalid={invalid === e.id}
                  ariaLabel={`Price override for ${e.label}, per ${e.per}`}
                  onChange={(event) => setDraft((d) => ({ ...d, [e.id]: event.detail.value }))}
                />
                {table.overridden.includes(e.id) && <Badge color="blue">Overridden</Badge>}
              </SpaceBetween>
            ),
          },
        ]}
      />
      {invalid && <Box color="text-status-error">A price is a number of dollars, 0 or more.</Box>}
      <SpaceBetween direction="horizontal" size="xs">
        <Button onClick={() => setDraft({})} disabled={Object.keys(draft).length === 0}>
          Use the file’s prices
        </Button>
        <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="prices-save">
          Save prices
        </Button>
      </SpaceBetween>
    </SpaceBetween>
  );
}

export function PricesPanel() {
  const prices = useApiQuery('prices.get', {});
  const table = prices.data;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            table ? (
              <>
                {table.region} list prices from <ExternalLink href={table.source}>{table.source}</ExternalLink>, checked {table.checked}. Leave a field empty to
                use that price; every cost figure shows the price it used.
              </>
            ) : undefined
          }
        >
          Prices
        </Header>
      }
      data-testid="settings-prices"
    >
      {table ? <PricesForm key={JSON.stringify(table)} table={table} /> : <Box color="text-body-secondary">Loading prices…</Box>}
    </Container>
  );
}
