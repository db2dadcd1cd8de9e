/** `#/memory`: the memories of the fleet, or one memory's browser; `#/memory?tab=audit` is every memory's delete audit. */
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import './memory.css';
import { useHashRoute } from '../../routing/use-hash-route';
import { AuditLog } from './audit-log';
import { MemoryBrowser } from './memory-browser';
import { MemoryList } from './memory-list';
import { parseMemoryQuery } from './memory-route';

export function MemoryPage() {
  const { route } = useHashRoute();
  const view = parseMemoryQuery(route.query);
  if (view.memory) return <MemoryBrowser view={view} memoryKey={view.memory} />;
  if (view.tab === 'audit')
    return (
      <ContentLayout header={<Header variant="h1">Memory audit log</Header>}>
        <AuditLog />
      </ContentLayout>
    );
  return <MemoryList />;
}
