/** Export the open session (Markdown or JSON, via chat.export) and import a JSON export (via chat.import). */
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ChatSession } from '../../../../shared/chat';
import { api } from '../../api';
import { notify, notifyError } from '../../state/notifications';
import { chatStore } from './chat-store';
import { downloadText } from '../../lib/download';
import { IMPORT_LIMIT_BYTES } from './transfer';
import { FileImportButton } from '../../components/file-import-button';

export function ExportImport({ session, onImported }: { session: ChatSession | undefined; onImported: (session: ChatSession) => void }) {
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportAs = (format: 'markdown' | 'json'): void => {
    if (!session) return;
    setExporting(true);
    api
      .call('chat.export', { sessionId: session.id, format })
      .then(({ filename, mimeType, content }) => downloadText(filename, mimeType, content))
      .catch((error: unknown) => notifyError('Export session', error))
      .finally(() => setExporting(false));
  };

  const importFile = async (file: File): Promise<void> => {
    if (file.size > IMPORT_LIMIT_BYTES) {
      notify(
        { type: 'error', header: 'Import failed', content: `${file.name} is ${Math.round(file.size / 1e6)} MB; the limit is 50 MB.` },
        'error:Import session',
      );
      return;
    }
    setImporting(true);
    try {
      const session = await api.call('chat.import', { content: await file.text() });
      chatStore.upsert(session);
      onImported(session);
      notify({ type: 'success', header: `Imported “${session.title}”`, content: `${session.messageCount} messages with ${session.agentName}.` }, 'import-done');
    } catch (error) {
      notifyError('Import session', error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <SpaceBetween direction="horizontal" size="xs">
      <FileImportButton accept=".json,application/json" testId="chat-import" onFile={(file) => void importFile(file)} loading={importing}>
        Import
      </FileImportButton>
      <ButtonDropdown
        items={[
          { id: 'markdown', text: 'Markdown (.md)', description: 'Readable transcript with metrics' },
          { id: 'json', text: 'JSON', description: 'Everything, re-importable' },
        ]}
        onItemClick={(e) => exportAs(e.detail.id as 'markdown' | 'json')}
        disabled={!session}
        disabledReason="Open a session to export it"
        loading={exporting}
        data-testid="chat-export"
      >
        Export
      </ButtonDropdown>
    </SpaceBetween>
  );
}
