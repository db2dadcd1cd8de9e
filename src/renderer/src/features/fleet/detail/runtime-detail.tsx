/** An agent runtime: configuration, invoke auth, endpoints and versions, environment names, linked memory. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { FleetResource, RuntimeDetail } from '../../../../../shared/fleet';
import { hrefFor } from '../../../routing/use-hash-route';
import { formatDuration, isRollingOut, statusIndicatorType, versionLabel } from '../resource-format';
import { resolveLinked } from './detail-logic';
import { EndpointLogGroup, useLogGroups } from './endpoint-log-group';
import { Copyable, dash, When } from './overview-container';
import { Identifier } from '../../../components/identifier';
import { useRedact } from '../../../state/presentation';

const protocolLabel: Record<string, string> = { HTTP: 'HTTP', MCP: 'MCP (Model Context Protocol)', A2A: 'A2A (Agent2Agent)' };

function Seconds({ value, fallback }: { value: number | undefined; fallback: number }) {
  const seconds = value ?? fallback;
  return (
    <span title={`${seconds} seconds`}>
      {formatDuration(seconds)}
      {value === undefined && (
        <Box variant="span" color="text-body-secondary">
          {' '}
          (default)
        </Box>
      )}
    </span>
  );
}

export function BearerTokenNotice({ authorizer }: { authorizer: RuntimeDetail['authorizer'] }) {
  if (authorizer.type !== 'jwt') return null;
  return (
    <div data-testid="detail-jwt-notice">
      <Alert type="info" header="Invoke requires a bearer token">
        <SpaceBetween size="xs">
          <Box>
            This agent uses a custom JWT (OAuth) authorizer, so calls signed with AWS credentials (SigV4) are rejected. Chat asks for an access token from the
            identity provider and sends it as <Box variant="code">Authorization: Bearer …</Box>; the token stays in the main process.
          </Box>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Discovery URL', value: authorizer.discoveryUrl ? <Copyable text={authorizer.discoveryUrl} what="Discovery URL" /> : dash },
              { label: 'Allowed audience', value: authorizer.allowedAudience?.length ? authorizer.allowedAudience.join(', ') : dash },
              { label: 'Allowed clients', value: authorizer.allowedClients?.length ? authorizer.allowedClients.join(', ') : dash },
            ]}
          />
        </SpaceBetween>
      </Alert>
    </div>
  );
}

export function RuntimeConfiguration({ detail }: { detail: RuntimeDetail }) {
  // An ECR image URI starts with the account id.
  const redact = useRedact();
  return (
    <div data-testid="detail-configuration">
      <Container header={<Header variant="h2">Configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Protocol', value: protocolLabel[detail.protocol] ?? detail.protocol },
            {
              label: 'Inbound authorizer',
              value: <span data-testid="detail-authorizer">{detail.authorizer.type === 'jwt' ? 'Custom JWT (OAuth bearer token)' : 'IAM (SigV4)'}</span>,
            },
            { label: 'Network mode', value: detail.networkMode ?? dash },
            { label: 'Idle session timeout', value: <Seconds value={detail.idleRuntimeSessionTimeoutSeconds} fallback={900} /> },
            { label: 'Max session lifetime', value: <Seconds value={detail.maxLifetimeSeconds} fallback={28_800} /> },
            { label: 'Execution role', value: detail.roleArn ? <Identifier kind="arn" value={detail.roleArn} copy name="Role ARN" /> : dash },
            {
              label: 'Container image',
              value: detail.containerUri ? (
                <Box variant="code" fontSize="body-s">
                  {redact(detail.containerUri)}
                </Box>
              ) : (
                dash
              ),
            },
          ]}
        />
      </Container>
    </div>
  );
}

export function EndpointsTable({ agentKey, endpoints }: { agentKey: string; endpoints: RuntimeDetail['endpoints'] }) {
  const logGroups = useLogGroups(agentKey);
  return (
    <div data-testid="detail-endpoints">
      <Table
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${endpoints.length})`}
            description="Named endpoints (qualifiers) and the version each serves. Live ≠ target means a rollout is in progress."
          >
            Endpoints
          </Header>
        }
        items={endpoints}
        trackBy="name"
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (e) => <Box fontWeight="bold">{e.name}</Box>, width: 160 },
          { id: 'status', header: 'Status', cell: (e) => <StatusIndicator type={statusIndicatorType(e.status)}>{e.status}</StatusIndicator>, width: 150 },
          {
            id: 'versions',
            header: 'Live → target version',
            width: 200,
            cell: (e) =>
              isRollingOut(e) ? (
                <Box variant="span" color="text-status-info" fontWeight="bold">
                  {versionLabel(e.liveVersion ?? '')} → {versionLabel(e.targetVersion ?? '')}
                </Box>
              ) : e.liveVersion || e.targetVersion ? (
                versionLabel(e.liveVersion ?? e.targetVersion ?? '')
              ) : (
                dash
              ),
          },
          { id: 'updated', header: 'Last updated', cell: (e) => <When at={e.updatedAt} />, width: 300 },
          { id: 'logs', header: 'Log group', cell: (e) => <EndpointLogGroup agentKey={agentKey} endpoint={e.name} discovery={logGroups} /> },
          { id: 'description', header: 'Description', cell: (e) => e.description ?? dash },
        ]}
        empty={<Box color="text-body-secondary">No endpoints. Only the DEFAULT qualifier can be invoked.</Box>}
      />
    </div>
  );
}

export function VersionsTable({ versions, endpoints }: { versions: RuntimeDetail['versions']; endpoints: RuntimeDetail['endpoints'] }) {
  const servedBy = (version: string): string[] =>
    endpoints.flatMap((e) => [
      ...(e.liveVersion === version ? [`${e.name} (live)`] : []),
      ...(e.targetVersion === version && e.liveVersion !== version ? [`${e.name} (target)`] : []),
    ]);
  return (
    <div data-testid="detail-versions">
      <Table
        variant="container"
        header={
          <Header variant="h2" counter={`(${versions.length})`}>
            Versions
          </Header>
        }
        items={versions}
        trackBy="version"
        columnDefinitions={[
          { id: 'version', header: 'Version', cell: (v) => <Box fontWeight="bold">{versionLabel(v.version)}</Box>, width: 110 },
          { id: 'status', header: 'Status', cell: (v) => <StatusIndicator type={statusIndicatorType(v.status)}>{v.status}</StatusIndicator>, width: 150 },
          { id: 'served', header: 'Served by', cell: (v) => servedBy(v.version).join(', ') || dash, width: 200 },
          { id: 'updated', header: 'Last updated', cell: (v) => <When at={v.updatedAt} />, width: 300 },
          { id: 'description', header: 'Description', cell: (v) => v.description ?? dash },
        ]}
        empty={<Box color="text-body-secondary">No versions listed.</Box>}
      />
    </div>
  );
}

export function EnvironmentAndLinks({ detail, resources }: { detail: RuntimeDetail; resources: readonly FleetResource[] }) {
  const memories = detail.linkedMemoryKeys.map((key) => resolveLinked(key, resources));
  return (
    <ColumnLayout columns={2}>
      <div data-testid="detail-env">
        <Container
          fitHeight
          header={
            <Header
              variant="h2"
              counter={`(${detail.environmentVariableNames.length})`}
              description="Names only: values often hold secrets, so they stay in the main process."
            >
              Environment variables
            </Header>
          }
        >
          {detail.environmentVariableNames.length === 0 ? (
            <Box color="text-body-secondary">No environment variables.</Box>
          ) : (
            <ul className="env-names">
              {detail.environmentVariableNames.map((name) => (
                <li key={name}>
                  <Box variant="code">{name}</Box>
                  <Box variant="span" color="text-status-inactive" fontSize="body-s">
                    {' '}
                    = ••••••
                  </Box>
                </li>
              ))}
            </ul>
          )}
        </Container>
      </div>
      <div data-testid="detail-links">
        <Container fitHeight header={<Header variant="h2">Linked resources</Header>}>
          <KeyValuePairs
            columns={1}
            items={[
              {
                label: 'Memory',
                value:
                  memories.length === 0 ? (
                    <Box color="text-body-secondary">None named in the agent’s configuration</Box>
                  ) : (
                    <SpaceBetween size="xxs">
                      {memories.map((m) => (
                        <span key={m.key}>
                          <Link href={hrefFor('fleet', { sel: m.key, detail: m.key })}>{m.name}</Link>
                          {m.resource ? (
                            <Box variant="span" color="text-body-secondary">
                              {' '}
                              · <StatusIndicator type={statusIndicatorType(m.resource.status)}>{m.resource.status}</StatusIndicator>
                            </Box>
                          ) : (
                            <Box variant="span" color="text-status-warning">
                              {' '}
                              · not in the watched fleet
                            </Box>
                          )}
                        </span>
                      ))}
                    </SpaceBetween>
                  ),
              },
              { label: 'Gateway', value: <Box color="text-body-secondary">None named in the agent’s configuration</Box> },
            ]}
          />
        </Container>
      </div>
    </ColumnLayout>
  );
}
