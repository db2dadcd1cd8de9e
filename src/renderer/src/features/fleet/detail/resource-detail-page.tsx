/**
 * One resource's full page (`#/fleet?detail=<key>`): what an SRE needs when
 * a row is red. The header and Details box render at once from the fleet
 * snapshot; the rest comes from `fleet.resource` and refreshes whenever the
 * fleet sees the resource change.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import type { FleetResource, ResourceDetail } from '../../../../../shared/fleet';
import { currentRoute, hrefFor, navigate } from '../../../routing/use-hash-route';
import { rememberedView } from '../fleet-query';
import { healthIndicator, kindLabel } from '../resource-format';
import { useFleetRefresh, useFleetSnapshot } from '../fleet-data';
import { agentPageLinks } from './detail-logic';
import { GatewayConfiguration, GatewayStatusReasons, TargetsTable } from './gateway-detail';
import { HarnessConfiguration, HarnessCostPanel, HarnessEndpoints, HarnessTools } from './harness-detail';
import { MemoryConfiguration, StrategiesTable } from './memory-detail';
import { OverviewContainer } from './overview-container';
import { BearerTokenNotice, EndpointsTable, EnvironmentAndLinks, RuntimeConfiguration, VersionsTable } from './runtime-detail';
import { StatusTimeline } from './status-timeline';
import { useResourceDetail } from './use-resource-detail';
import { Identifier } from '../../../components/identifier';
import { RedactedText } from '../../../components/redacted-text';
import { useIsViewer } from '../../../state/viewer';

const EMPTY: readonly FleetResource[] = [];

const backToFleet = (): void => navigate({ page: 'fleet', query: rememberedView(currentRoute().query) });

function PageActions({
  resource,
  detail,
  reloading,
  onReload,
}: {
  resource: FleetResource;
  detail: ResourceDetail | undefined;
  reloading: boolean;
  onReload: () => void;
}) {
  const buttons: ReactNode[] = [];
  // A share's viewer has no chat or memory pages.
  const viewer = useIsViewer();
  if (resource.kind === 'runtime') {
    const linked = detail?.kind === 'runtime' ? detail.linkedMemoryKeys : [];
    for (const link of agentPageLinks(resource.key, linked)) {
      if (viewer && (link.id === 'chat' || link.id === 'memory')) continue;
      buttons.push(
        <Button
          key={link.id}
          href={link.disabledReason ? undefined : hrefFor(link.page, link.query)}
          disabled={Boolean(link.disabledReason)}
          disabledReason={link.disabledReason}
          variant={link.id === 'chat' ? 'primary' : 'normal'}
          iconName={link.id === 'chat' ? 'contact' : undefined}
          data-testid={`detail-open-${link.id}`}
        >
          {link.label}
        </Button>,
      );
    }
  }
  if (resource.kind === 'harness' && !viewer) {
    buttons.push(
      <Button key="chat" variant="primary" iconName="contact" href={hrefFor('chat', { agent: resource.key })} data-testid="detail-open-chat">
        Chat
      </Button>,
    );
  }
  if (resource.kind === 'memory' && !viewer) {
    buttons.push(
      <Button key="browse" variant="primary" href={hrefFor('memory', { memory: resource.key })} data-testid="detail-open-memory">
        Browse records
      </Button>,
    );
  }
  if (resource.kind === 'memory' || resource.kind === 'gateway') {
    // Memories and gateways have their own charts and cost.
    buttons.push(
      <Button key="metrics" href={hrefFor('metrics', { resource: resource.key })} data-testid="detail-open-metrics">
        Metrics
      </Button>,
    );
  }
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button iconName="refresh" ariaLabel="Reload details" loading={reloading} onClick={onReload} />
      {buttons}
    </SpaceBetween>
  );
}

function Gone({ message }: { message: string }) {
  const { refreshing, refresh } = useFleetRefresh();
  return (
    <div data-testid="detail-not-found">
      <Alert
        type="warning"
        header="This resource no longer exists"
        action={
          <Button
            loading={refreshing}
            onClick={() => {
              refresh();
              backToFleet();
            }}
          >
            Refresh fleet
          </Button>
        }
      >
        <RedactedText text={message} />
      </Alert>
    </div>
  );
}

function Sections({ detail, resources }: { detail: ResourceDetail; resources: readonly FleetResource[] }) {
  switch (detail.kind) {
    case 'runtime':
      return (
        <SpaceBetween size="l">
          <BearerTokenNotice authorizer={detail.authorizer} />
          <RuntimeConfiguration detail={detail} />
          <EndpointsTable agentKey={detail.resource.key} endpoints={detail.endpoints} />
          <VersionsTable versions={detail.versions} endpoints={detail.endpoints} />
          <EnvironmentAndLinks detail={detail} resources={resources} />
        </SpaceBetween>
      );
    case 'harness':
      return (
        <SpaceBetween size="l">
          <HarnessConfiguration detail={detail} />
          <HarnessTools tools={detail.tools} />
          <HarnessEndpoints endpoints={detail.endpoints} />
          <VersionsTable versions={detail.versions} endpoints={detail.endpoints} />
          <HarnessCostPanel harnessKey={detail.resource.key} />
        </SpaceBetween>
      );
    case 'gateway':
      return (
        <SpaceBetween size="l">
          <GatewayStatusReasons detail={detail} />
          <GatewayConfiguration detail={detail} />
          <TargetsTable targets={detail.targets} />
        </SpaceBetween>
      );
    case 'memory':
      return (
        <SpaceBetween size="l">
          <MemoryConfiguration detail={detail} resources={resources} />
          <StrategiesTable strategies={detail.strategies} />
        </SpaceBetween>
      );
  }
}

export function ResourceDetailPage({ resourceKey }: { resourceKey: string }) {
  const fleet = useFleetSnapshot();
  const resources = fleet.data?.resources ?? EMPTY;
  const fromFleet = resources.find((r) => r.key === resourceKey);
  const state = useResourceDetail(resourceKey, fromFleet);
  const resource = state.data?.resource ?? fromFleet;
  const notFound = state.error?.code === 'not_found';

  if (!resource) {
    return (
      <ContentLayout
        header={
          <Header variant="h1" data-testid="page-fleet-detail">
            {resourceKey.split('|')[3] ?? 'Resource'}
          </Header>
        }
      >
        {notFound || (fleet.data && !state.loading) ? (
          <Gone message={state.error?.message ?? 'The fleet has no resource with this key. It may have been deleted, or its profile is no longer watched.'} />
        ) : (
          <Container>
            <Spinner /> Loading…
          </Container>
        )}
      </ContentLayout>
    );
  }

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          data-testid="page-fleet-detail"
          description={resource.description}
          info={
            <span className="detail-title-status">
              <StatusIndicator type={healthIndicator[resource.health]}>{resource.status}</StatusIndicator>
            </span>
          }
          actions={<PageActions resource={resource} detail={state.data} reloading={state.loading && state.data !== undefined} onReload={state.reload} />}
        >
          {resource.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Box color="text-body-secondary" fontSize="body-s">
          {kindLabel[resource.kind]} in {resource.region} · account <Identifier kind="account" value={resource.accountId} /> ({resource.profile}) ·{' '}
          <Button variant="inline-link" onClick={backToFleet}>
            Back to fleet
          </Button>
        </Box>
        {notFound && <Gone message={state.error?.message ?? ''} />}
        {resource.failureReason && (
          <div data-testid="detail-failure">
            <Alert type="error" header={`${kindLabel[resource.kind]} is ${resource.status}`}>
              <RedactedText text={resource.failureReason} />
            </Alert>
          </div>
        )}
        <OverviewContainer
          resource={resource}
          createdAt={state.data?.kind === 'runtime' || state.data?.kind === 'harness' ? state.data.createdAt : undefined}
        />
        {state.error && !notFound && (
          <Alert type="error" header="Couldn’t load the details" action={<Button onClick={state.reload}>Try again</Button>}>
            <RedactedText text={state.error.message} /> ({typeof state.error.details?.awsCode === 'string' ? state.error.details.awsCode : state.error.code})
          </Alert>
        )}
        {state.data ? (
          <Sections detail={state.data} resources={resources} />
        ) : (
          !state.error && (
            <Container>
              <StatusIndicator type="loading">Loading configuration, endpoints and versions…</StatusIndicator>
            </Container>
          )
        )}
        {!notFound && <StatusTimeline timeline={state.data?.timeline} loading={state.loading} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
