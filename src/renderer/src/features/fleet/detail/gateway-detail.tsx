/** A gateway: its MCP URL, inbound authorizer, why it is unhealthy, and every target with its status and reasons. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import type { GatewayDetail } from '../../../../../shared/fleet';
import { statusIndicatorType } from '../resource-format';
import { orderTargets } from './detail-logic';
import { Copyable, dash, When } from './overview-container';
import { RedactedText } from '../../../components/redacted-text';

const authorizerLabel: Record<string, string> = {
  CUSTOM_JWT: 'Custom JWT (OAuth bearer token)',
  AWS_IAM: 'IAM (SigV4)',
  NONE: 'None (open)',
};

export function GatewayStatusReasons({ detail }: { detail: GatewayDetail }) {
  // The page already shows the failure reason on top; repeat nothing it says.
  const failure = detail.resource.failureReason ?? '';
  if (detail.statusReasons.length === 0 || detail.statusReasons.every((reason) => failure.includes(reason))) return null;
  return (
    <Alert type={detail.resource.health === 'failed' ? 'error' : 'warning'} header={`Gateway is ${detail.resource.status}`}>
      <ul className="reason-list">
        {detail.statusReasons.map((reason) => (
          <li key={reason}>
            <RedactedText text={reason} />
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function GatewayConfiguration({ detail }: { detail: GatewayDetail }) {
  return (
    <div data-testid="detail-configuration">
      <Container header={<Header variant="h2">Gateway</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Gateway URL',
              value: (
                <span data-testid="gateway-url">
                  <Copyable text={detail.gatewayUrl} what="Gateway URL" />
                </span>
              ),
            },
            {
              label: 'Inbound authorizer',
              value: (
                <span data-testid="detail-authorizer">{detail.authorizerType ? (authorizerLabel[detail.authorizerType] ?? detail.authorizerType) : dash}</span>
              ),
            },
            { label: 'Protocol', value: detail.protocolType ?? dash },
          ]}
        />
      </Container>
    </div>
  );
}

export function TargetsTable({ targets }: { targets: GatewayDetail['targets'] }) {
  const ordered = useMemo(() => orderTargets(targets), [targets]);
  const unhealthy = targets.filter((t) => t.health !== 'ok').length;
  return (
    <div data-testid="detail-targets">
      <Table
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${targets.length})`}
            description={unhealthy ? `${unhealthy} of ${targets.length} need attention; they are listed first.` : 'Tools the gateway exposes, by backend.'}
          >
            Targets
          </Header>
        }
        items={ordered}
        trackBy="id"
        wrapLines
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (t) => <Box fontWeight="bold">{t.name}</Box>, width: 170 },
          { id: 'status', header: 'Status', cell: (t) => <StatusIndicator type={statusIndicatorType(t.status)}>{t.status}</StatusIndicator>, width: 270 },
          {
            id: 'reasons',
            header: 'Status reasons',
            cell: (t) =>
              t.statusReasons.length === 0 ? (
                dash
              ) : (
                <ul className="reason-list">
                  {t.statusReasons.map((reason) => (
                    <li key={reason}>
                      <Box variant="span" color={t.health === 'failed' ? 'text-status-error' : 'inherit'}>
                        {reason}
                      </Box>
                    </li>
                  ))}
                </ul>
              ),
          },
          { id: 'description', header: 'Description', cell: (t) => t.description ?? dash, width: 200 },
          { id: 'updated', header: 'Last updated', cell: (t) => <When at={t.updatedAt} compact />, width: 120 },
        ]}
        empty={<Box color="text-body-secondary">This gateway has no targets yet.</Box>}
      />
    </div>
  );
}
