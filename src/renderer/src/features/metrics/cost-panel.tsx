/**
 * Cost as figures that open: each line's USD, and on click its formula, its
 * inputs (value, unit, where each came from) and the price table entry it
 * used, with the table's source and the date its prices were checked. What
 * cannot be costed yet is said plainly rather than left out silently.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { CostBreakdown, CostLine, PriceTable } from '../../../../shared/metrics';
import { ExternalLink } from '../../components/external-link';
import { useMetricsQuery } from './metrics-api';
import { formatUsd } from './metrics-format';

export function CostDetails({ line, prices }: { line: CostLine; prices: PriceTable | undefined }) {
  const entry = prices?.entries.find((e) => e.id === line.priceId);
  return (
    <SpaceBetween size="s">
      <Box variant="code" data-testid="metrics-cost-formula">
        {line.formula}
      </Box>
      <Table
        variant="embedded"
        wrapLines
        items={line.inputs}
        trackBy="label"
        data-testid="metrics-cost-inputs"
        columnDefinitions={[
          { id: 'label', header: 'Input', cell: (i) => i.label },
          { id: 'value', header: 'Value', cell: (i) => `${i.value.toLocaleString('en-US', { maximumFractionDigits: 6 })} ${i.unit}` },
          { id: 'source', header: 'Source', cell: (i) => i.source },
        ]}
      />
      {line.lagging && <StatusIndicator type="pending">{line.lagging}</StatusIndicator>}
      <KeyValuePairs
        columns={2}
        items={[
          { label: 'Price entry', value: <span data-testid="metrics-cost-price-id">{line.priceId}</span> },
          { label: 'Price', value: entry ? `${formatUsd(entry.usd)} per ${entry.per} (${entry.label})` : 'Not in the price table' },
          {
            label: 'Price table',
            value: prices ? <ExternalLink href={prices.source}>{prices.region} prices</ExternalLink> : 'Loading',
          },
          { label: 'Checked', value: prices ? `${prices.checked}${prices.overridden.includes(line.priceId) ? ' (overridden in settings)' : ''}` : '–' },
        ]}
      />
    </SpaceBetween>
  );
}

export function CostPanel({ cost, title = 'Estimated cost', description }: { cost: CostBreakdown; title?: string; description?: string }) {
  const prices = useMetricsQuery('prices.get', {}).data;
  // A modal, not a popover: the inputs' sources (metric, dimensions, period) need the width to be read on a projector.
  const [open, setOpen] = useState<CostLine | null>(null);
  return (
    <Container
      data-testid="metrics-cost"
      header={
        <Header variant="h2" description={description ?? 'Click a figure to see its formula, inputs and price.'} counter={formatUsd(cost.totalUsd)}>
          {title}
        </Header>
      }
    >
      <SpaceBetween size="s">
        <Table
          variant="embedded"
          items={cost.lines}
          trackBy="id"
          empty={<Box color="text-body-secondary">No cost in this range</Box>}
          columnDefinitions={[
            { id: 'label', header: 'Item', cell: (l) => l.label },
            {
              id: 'usd',
              header: 'USD',
              cell: (l) => (
                <Link
                  variant="primary"
                  onFollow={() => setOpen(l)}
                  data-testid="metrics-cost-line"
                  ariaLabel={`${l.label}: ${formatUsd(l.usd)}, show how it was computed`}
                >
                  {formatUsd(l.usd)}
                </Link>
              ),
            },
            { id: 'lagging', header: 'Freshness', cell: (l) => (l.lagging ? <StatusIndicator type="pending">Lagging</StatusIndicator> : 'Current') },
          ]}
        />
        {cost.notIncluded.map((text) => (
          <StatusIndicator key={text} type="info" data-testid="metrics-cost-not-included">
            {text}
          </StatusIndicator>
        ))}
      </SpaceBetween>
      {open && (
        <Modal visible size="large" onDismiss={() => setOpen(null)} header={`${open.label}: ${formatUsd(open.usd)}`}>
          <CostDetails line={open} prices={prices} />
        </Modal>
      )}
    </Container>
  );
}
