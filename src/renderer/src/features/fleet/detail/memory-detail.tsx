/** A memory: event expiry and its long-term strategies with their namespace templates. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { MemoryDetail } from '../../../../../shared/fleet';
import { statusIndicatorType } from '../resource-format';
import { dash } from './overview-container';

const strategyLabel: Record<string, string> = {
  SEMANTIC: 'Semantic facts',
  SUMMARIZATION: 'Session summaries',
  USER_PREFERENCE: 'User preferences',
  CUSTOM: 'Custom',
};

export function MemoryConfiguration({ detail }: { detail: MemoryDetail }) {
  return (
    <div data-testid="detail-configuration">
      <Container header={<Header variant="h2">Memory</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Short-term event expiry',
              value: detail.eventExpiryDays !== undefined ? `${detail.eventExpiryDays} ${detail.eventExpiryDays === 1 ? 'day' : 'days'}` : dash,
            },
            { label: 'Long-term strategies', value: String(detail.strategies.length) },
            { label: 'Description', value: detail.resource.description ?? dash },
          ]}
        />
      </Container>
    </div>
  );
}

export function StrategiesTable({ strategies }: { strategies: MemoryDetail['strategies'] }) {
  return (
    <div data-testid="detail-strategies">
      <Table
        variant="container"
        header={
          <Header variant="h2" counter={`(${strategies.length})`} description="How events become long-term records, and the namespaces the records land in.">
            Strategies
          </Header>
        }
        items={strategies}
        trackBy="id"
        wrapLines
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (s) => <Box fontWeight="bold">{s.name}</Box>, width: 200 },
          {
            id: 'type',
            header: 'Type',
            width: 220,
            cell: (s) => (
              <span>
                {strategyLabel[s.type] ?? s.type}{' '}
                <Box variant="span" color="text-body-secondary" fontSize="body-s">
                  ({s.type})
                </Box>
              </span>
            ),
          },
          {
            id: 'status',
            header: 'Status',
            width: 140,
            cell: (s) => (s.status ? <StatusIndicator type={statusIndicatorType(s.status)}>{s.status}</StatusIndicator> : dash),
          },
          {
            id: 'namespaces',
            header: 'Namespaces',
            cell: (s) =>
              s.namespaces.length === 0 ? (
                dash
              ) : (
                <div className="namespace-list">
                  {s.namespaces.map((ns) => (
                    <Box key={ns} variant="code">
                      {ns}
                    </Box>
                  ))}
                </div>
              ),
          },
        ]}
        empty={<Box color="text-body-secondary">Short-term events only: no long-term strategies.</Box>}
      />
    </div>
  );
}
