/** A namespace's records, newest first, page by page, with multi-select for a batch delete and a JSONL export. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import type { MemoryRecord } from '../../../../shared/memory';
import { api } from '../../api';
import { formatTimestamp } from '../../lib/relative-time';
import { currentRoute, hrefFor } from '../../routing/use-hash-route';
import { RecordsDelete } from './records-delete';
import { recordSnippet } from './record-text';
import { loadMoreFooter, PagedEmpty } from './paged-table-parts';
import { saveExport } from './save-export';
import { usePaged } from './use-paged';

export interface RecordsTableProps {
  memory: FleetResource;
  namespace: string;
  strategies: MemoryDetail['strategies'];
  selectedRecord: string | null;
}

export const strategyName = (strategies: MemoryDetail['strategies'], id: string): string => strategies.find((s) => s.id === id)?.name ?? id;

export function RecordsTable({ memory, namespace, strategies, selectedRecord }: RecordsTableProps) {
  const key = memory.key;
  const records = usePaged('memory.records', { key, namespace });
  const [selected, setSelected] = useState<MemoryRecord[]>([]);
  const [confirming, setConfirming] = useState(false);
  const recordHref = (recordId: string): string => hrefFor('memory', { ...currentRoute().query, tab: 'long', ns: namespace, record: recordId });
  const exportNamespace = (): void => saveExport(api.call('memory.exportNamespace', { key, namespace }), 'records');
  return (
    <div data-testid="memory-records">
      <Table<MemoryRecord>
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${records.items.length}${records.hasMore ? '+' : ''})`}
            description={<Box variant="code">{namespace}</Box>}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Reload records" onClick={records.refresh} />
                <Button iconName="download" onClick={exportNamespace}>
                  Export JSONL
                </Button>
                <Button disabled={selected.length === 0} onClick={() => setConfirming(true)} data-testid="memory-records-delete">
                  Delete{selected.length ? ` (${selected.length})` : ''}
                </Button>
              </SpaceBetween>
            }
          >
            Records
          </Header>
        }
        loading={records.isLoading}
        loadingText="Loading records"
        items={records.items}
        trackBy="recordId"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Records to delete',
          itemSelectionLabel: (_s, r) => `Select record ${r.recordId}`,
          allItemsSelectionLabel: () => 'Select all loaded records',
        }}
        isItemDisabled={() => false}
        wrapLines
        columnDefinitions={[
          {
            id: 'content',
            header: 'Content',
            cell: (r) => (
              <Link href={recordHref(r.recordId)} data-testid="memory-record-open">
                <span className={r.recordId === selectedRecord ? 'memory-record-snippet memory-record-snippet--open' : 'memory-record-snippet'}>
                  {recordSnippet(r.text)}
                </span>
              </Link>
            ),
          },
          { id: 'strategy', header: 'Strategy', width: 160, cell: (r) => strategyName(strategies, r.strategyId) },
          { id: 'created', header: 'Created', width: 200, cell: (r) => (r.createdAt ? formatTimestamp(r.createdAt) : '—') },
        ]}
        empty={<PagedEmpty paged={records} text="No records in this namespace. If you expected some, look at the extraction jobs tab." />}
        footer={loadMoreFooter(records)}
      />
      {confirming && (
        <RecordsDelete
          memory={memory}
          records={selected.map((r) => ({ recordId: r.recordId, namespace }))}
          where={`${memory.name} › ${namespace}`}
          onClose={(deleted) => {
            setConfirming(false);
            if (deleted.length) setSelected((s) => s.filter((r) => !deleted.includes(r.recordId)));
          }}
        />
      )}
    </div>
  );
}
