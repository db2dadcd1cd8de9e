/**
 * One memory (`#/memory?memory=<key>`): what it is (status, strategies,
 * expiry, encryption, who uses it) and its contents in tabs — short-term
 * events, long-term records with semantic search, failed extraction jobs,
 * and the audit log of deletes. A memory that is not ACTIVE says why and
 * offers nothing that would fail.
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tabs from '@cloudscape-design/components/tabs';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import { Identifier } from '../../components/identifier';
import { navigate } from '../../routing/use-hash-route';
import { useFleetSnapshot } from '../fleet/fleet-data';
import { MemoryConfiguration, StrategiesTable } from '../fleet/detail/memory-detail';
import { useResourceDetail } from '../fleet/detail/use-resource-detail';
import { statusIndicatorType } from '../fleet/resource-format';
import { AuditLog } from './audit-log';
import { ExtractionJobs } from './extraction-jobs';
import { LongTerm } from './long-term';
import { memoryQuery, memoryTabs, type MemoryTab, type MemoryView } from './memory-route';
import { ShortTerm } from './short-term';
import { RedactedText } from '../../components/redacted-text';

const EMPTY: readonly FleetResource[] = [];
const tabLabels: Record<MemoryTab, string> = { short: 'Short-term events', long: 'Long-term records', jobs: 'Extraction jobs', audit: 'Audit log' };
const unusable: Record<string, string> = {
  CREATING: 'This memory is still being created. Its events and records can be browsed once it is ACTIVE.',
  DELETING: 'This memory is being deleted.',
  FAILED: 'This memory failed to create, so it holds no events or records.',
};

export function MemoryBrowser({ view, memoryKey }: { view: MemoryView; memoryKey: string }) {
  const resources = useFleetSnapshot().data?.resources ?? EMPTY;
  const resource = resources.find((r) => r.key === memoryKey);
  const detailState = useResourceDetail(memoryKey, resource);
  const detail = detailState.data?.kind === 'memory' ? detailState.data : undefined;
  const current = detail?.resource ?? resource;
  if (!current) {
    return (
      <Alert type="warning" header="This memory is not in the fleet">
        It may have been deleted, or it belongs to a profile or region the console is not watching.
      </Alert>
    );
  }
  const blocked = unusable[current.status];
  const setTab = (tab: MemoryTab): void => navigate({ page: 'memory', query: memoryQuery({ ...view, memory: memoryKey, tab }) }, 'replace');
  return (
    <div data-testid="memory-browser">
      <ContentLayout
        header={
          <Header
            variant="h1"
            description={
              <SpaceBetween direction="horizontal" size="s">
                <StatusIndicator type={statusIndicatorType(current.status)}>{current.status}</StatusIndicator>
                <span>{current.region}</span>
                <Identifier kind="arn" value={current.arn} copy name="memory ARN" />
              </SpaceBetween>
            }
            actions={<Button iconName="refresh" ariaLabel="Reload memory details" loading={detailState.loading} onClick={detailState.reload} />}
          >
            {current.name}
          </Header>
        }
      >
        <SpaceBetween size="l">
          {blocked && (
            <Alert type={current.status === 'FAILED' ? 'error' : 'info'} header={blocked} data-testid="memory-unusable">
              {current.failureReason && <RedactedText text={current.failureReason} />}
            </Alert>
          )}
          {detailState.error && (
            <Alert type="error" header="Could not load the memory's configuration">
              <RedactedText text={detailState.error.message} />
            </Alert>
          )}
          {detail && <Overview detail={detail} resources={resources} expanded={Boolean(blocked)} />}
          {!blocked && (
            <Tabs
              activeTabId={view.tab}
              onChange={(e) => setTab(e.detail.activeTabId as MemoryTab)}
              tabs={memoryTabs.map((id) => ({
                id,
                label: tabLabels[id],
                content: view.tab === id ? <TabContent tab={id} view={view} memory={current} detail={detail} /> : null,
              }))}
            />
          )}
        </SpaceBetween>
      </ContentLayout>
    </div>
  );
}

function Overview({ detail, resources, expanded }: { detail: MemoryDetail; resources: readonly FleetResource[]; expanded: boolean }) {
  return (
    <ExpandableSection headerText="Configuration and strategies" variant="container" defaultExpanded={expanded} data-testid="memory-overview">
      <SpaceBetween size="l">
        <MemoryConfiguration detail={detail} resources={resources} />
        <StrategiesTable strategies={detail.strategies} />
      </SpaceBetween>
    </ExpandableSection>
  );
}

function TabContent({ tab, view, memory, detail }: { tab: MemoryTab; view: MemoryView; memory: FleetResource; detail: MemoryDetail | undefined }) {
  switch (tab) {
    case 'short':
      return <ShortTerm view={view} memory={memory} />;
    case 'long':
      return <LongTerm view={view} memory={memory} strategies={detail?.strategies ?? []} />;
    case 'jobs':
      return <ExtractionJobs memory={memory} strategies={detail?.strategies ?? []} />;
    case 'audit':
      return <AuditLog memoryKey={memory.key} />;
  }
}
