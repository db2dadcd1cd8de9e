/** One record as GetMemoryRecord returns it now; a record deleted since it was listed says so. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import type { FleetResource, MemoryDetail } from '../../../../shared/fleet';
import { formatTimestamp } from '../../lib/relative-time';
import { replaceQuery } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { RecordsDelete } from './records-delete';
import { prettyRecordText } from './record-text';
import { strategyName } from './records-table';
import { RedactedText } from '../../components/redacted-text';

export function RecordDetail({ memory, recordId, strategies }: { memory: FleetResource; recordId: string; strategies: MemoryDetail['strategies'] }) {
  const record = useApiQuery('memory.record', { key: memory.key, recordId }, { staleTime: 0 });
  const [deleting, setDeleting] = useState(false);
  const close = (): void => replaceQuery({ record: undefined });
  if (record.error) {
    return (
      <Alert
        type={record.error.code === 'not_found' ? 'warning' : 'error'}
        header={record.error.code === 'not_found' ? 'This record is gone' : 'Could not open the record'}
        action={<Button onClick={close}>Close</Button>}
        data-testid="memory-record-missing"
      >
        <RedactedText text={record.error.message} />
      </Alert>
    );
  }
  const r = record.data;
  return (
    <div data-testid="memory-record-detail">
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {r && (
                  <CopyToClipboard
                    variant="button"
                    textToCopy={JSON.stringify(r, null, 2)}
                    copyButtonText="Copy JSON"
                    copySuccessText="Record copied as JSON"
                    copyErrorText="Could not copy"
                  />
                )}
                <Button onClick={() => setDeleting(true)} disabled={!r} data-testid="memory-record-delete">
                  Delete
                </Button>
                <Button variant="icon" iconName="close" ariaLabel="Close record" onClick={close} />
              </SpaceBetween>
            }
          >
            Record
          </Header>
        }
      >
        {!r ? (
          <Spinner />
        ) : (
          <SpaceBetween size="m">
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Record id', value: <Box variant="code">{r.recordId}</Box> },
                { label: 'Strategy', value: strategyName(strategies, r.strategyId) },
                { label: 'Created', value: r.createdAt ? formatTimestamp(r.createdAt) : '—' },
                { label: 'Namespaces', value: r.namespaces.join(', ') },
              ]}
            />
            <pre className="memory-record-text" data-testid="memory-record-text">
              {prettyRecordText(r.text)}
            </pre>
          </SpaceBetween>
        )}
      </Container>
      {deleting && r && (
        <RecordsDelete
          memory={memory}
          records={[{ recordId: r.recordId, ...(r.namespaces[0] ? { namespace: r.namespaces[0] } : {}) }]}
          where={`${memory.name} › ${r.namespaces[0] ?? ''}`}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted.length) close();
          }}
        />
      )}
    </div>
  );
}
