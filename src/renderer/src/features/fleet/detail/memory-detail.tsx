/** A memory: event expiry, encryption, the runtimes that use it, and its long-term strategies with their namespace templates. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { FleetResource, MemoryDetail } from '../../../../../shared/fleet';
import { Identifier } from '../../../components/identifier';
import { hrefFor } from '../../../routing/use-hash-route';
import { statusIndicatorType } from '../resource-format';
import { dash } from './overview-container';

const strategyLabel: Record<string, string> = {
  SEMANTIC: 'Semantic facts',
  SUMMARIZATION: 'Session summaries',
  USER_PREFERENCE: 'User preferences',
  CUSTOM: 'Custom',
};

function UsedBy({ keys, resources }: { keys: readonly string[]; resources: readonly FleetResource[] }) {
  if (keys.length === 0) return <Box color="text-body-secondary">No runtime in this region names it in its environment</Box>;
  return (
    <SpaceBetween size="xxs">
      {keys.map((key) => (
        <Link key={key} href={hrefFor('fleet', { detail: key })} data-testid="memory-used-by">
          {resources.find((r) => r.key === key)?.name ?? key.split('|')[3]}
        </Link>
      ))}
    </SpaceBetween>
  );
}

export function MemoryConfiguration({ detail, resources = [] }: { detail: MemoryDetail; resources?: readonly FleetResource[] }) {
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
            {
              label: 'Encryption',
              value: detail.encryptionKeyArn ? <Identifier kind="arn" value={detail.encryptionKeyArn} copy name="KMS key ARN" /> : 'AWS owned key',
            },
            { label: 'Used by', value: <UsedBy keys={detail.usedByRuntimeKeys} resources={resources} /> },
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
