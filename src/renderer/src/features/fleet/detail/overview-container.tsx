/** The "Details" box every resource page opens with: status, placement, identifiers. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { FleetResource } from '../../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../../lib/relative-time';
import { useNow } from '../../../lib/use-now';
import { healthIndicator, kindLabel, versionLabel } from '../resource-format';
import { Identifier } from '../../../components/identifier';

export const dash = <Box color="text-status-inactive">—</Box>;

/** Relative time with the absolute one beside it (or, `compact`, in the tooltip only). */
export function When({ at, compact = false }: { at: number | undefined; compact?: boolean }) {
  const now = useNow();
  if (at === undefined) return dash;
  if (compact) return <span title={formatTimestamp(at)}>{formatRelative(at, now)}</span>;
  return (
    <span title={formatTimestamp(at)}>
      {formatRelative(at, now)}
      <Box variant="span" color="text-body-secondary" fontSize="body-s">
        {' '}
        · {formatTimestamp(at)}
      </Box>
    </span>
  );
}

export function Copyable({ text, what }: { text: string | undefined; what: string }) {
  if (!text) return dash;
  return (
    <CopyToClipboard
      variant="inline"
      textToCopy={text}
      copyButtonAriaLabel={`Copy ${what}`}
      copySuccessText={`${what} copied`}
      copyErrorText={`${what} could not be copied`}
    />
  );
}

export function OverviewContainer({ resource, createdAt, extra = [] }: { resource: FleetResource; createdAt?: number; extra?: KeyValuePairsProps.Item[] }) {
  return (
    <div data-testid="detail-overview">
      <Container header={<Header variant="h2">Details</Header>}>
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Status', value: <StatusIndicator type={healthIndicator[resource.health]}>{resource.status}</StatusIndicator> },
            { label: 'Type', value: kindLabel[resource.kind] },
            { label: 'Region', value: resource.region },
            {
              label: 'Account / profile',
              value: (
                <span>
                  <Identifier kind="account" value={resource.accountId} />{' '}
                  <Box variant="span" color="text-body-secondary">
                    ({resource.profile})
                  </Box>
                </span>
              ),
            },
            {
              label: 'ARN',
              value: (
                <span data-testid="detail-arn">
                  <Identifier kind="arn" value={resource.arn} copy />
                </span>
              ),
            },
            { label: 'ID', value: resource.id },
            ...(resource.kind === 'runtime' ? [{ label: 'Version', value: resource.version ? versionLabel(resource.version) : dash }] : []),
            ...(createdAt !== undefined ? [{ label: 'Created', value: <When at={createdAt} /> }] : []),
            { label: 'Last updated', value: <When at={resource.updatedAt} /> },
            ...extra,
          ]}
        />
      </Container>
    </div>
  );
}
