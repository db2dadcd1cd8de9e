/** The quick-look split panel for the selected resource: identifiers, status and endpoints; the full page is one click away. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import SplitPanel from '@cloudscape-design/components/split-panel';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { FleetResource } from '../../../../shared/fleet';
import { formatRelative, formatTimestamp } from '../../lib/relative-time';
import { useNow } from '../../lib/use-now';
import { currentRoute, navigate } from '../../routing/use-hash-route';
import { detailQuery } from './fleet-query';
import { formatEndpoint, healthIndicator, kindLabel, versionLabel } from './resource-format';
import { Identifier } from '../../components/identifier';
import { RedactedText } from '../../components/redacted-text';

const dash = <Box color="text-status-inactive">—</Box>;

function Detail({ resource }: { resource: FleetResource }) {
  const now = useNow();
  const endpoints = resource.endpoints ?? [];
  return (
    <KeyValuePairs
      columns={3}
      items={[
        {
          label: 'ARN',
          value: <Identifier kind="arn" value={resource.arn} copy />,
        },
        {
          label: 'Status',
          value: (
            <SpaceBetween size="xxs">
              <StatusIndicator type={healthIndicator[resource.health]}>{resource.status}</StatusIndicator>
              {resource.failureReason && (
                <Box color="text-status-error">
                  <RedactedText text={resource.failureReason} />
                </Box>
              )}
            </SpaceBetween>
          ),
        },
        { label: 'Type', value: kindLabel[resource.kind] },
        { label: 'ID', value: resource.id },
        { label: 'Region', value: resource.region },
        {
          label: 'Account',
          value: (
            <>
              <Identifier kind="account" value={resource.accountId} /> ({resource.profile})
            </>
          ),
        },
        { label: 'Version', value: resource.version ? versionLabel(resource.version) : dash },
        {
          label: 'Endpoints',
          value:
            endpoints.length === 0 ? (
              dash
            ) : (
              <SpaceBetween size="xxs">
                {endpoints.map((endpoint) => (
                  <div key={endpoint.name}>
                    {formatEndpoint(endpoint)}{' '}
                    <Box variant="span" color="text-body-secondary">
                      ({endpoint.status})
                    </Box>
                  </div>
                ))}
              </SpaceBetween>
            ),
        },
        {
          label: 'Last updated',
          value: resource.updatedAt ? `${formatRelative(resource.updatedAt, now)} · ${formatTimestamp(resource.updatedAt)}` : dash,
        },
        ...(resource.description ? [{ label: 'Description', value: resource.description }] : []),
      ]}
    />
  );
}

const openDetail = (resource: FleetResource): void => navigate({ page: 'fleet', query: detailQuery(currentRoute().query, resource.key) });

export function FleetDetailPanel({ resource }: { resource: FleetResource | undefined }) {
  return (
    <SplitPanel
      header={resource ? resource.name : 'Resource not found'}
      headerDescription={resource ? `${kindLabel[resource.kind]} · ${resource.region} · quick look (Enter opens the full page)` : undefined}
      headerActions={
        resource ? (
          <Button variant="primary" onClick={() => openDetail(resource)} data-testid="quick-look-open">
            Open details
          </Button>
        ) : undefined
      }
      closeBehavior="collapse"
      hidePreferencesButton={false}
    >
      {resource ? <Detail resource={resource} /> : <Box color="text-body-secondary">This resource is no longer in the fleet. It may have been deleted.</Box>}
    </SplitPanel>
  );
}
