/** Saves a memory export as a file and says how many items it holds (or why it failed). */
import type { ExportFile } from '../../../../shared/memory';
import { downloadText } from '../../lib/download';
import { notify, notifyError } from '../../state/notifications';

export function saveExport(exporting: Promise<ExportFile>, items: 'events' | 'records'): void {
  exporting
    .then((file) => {
      downloadText(file.filename, file.mimeType, file.content);
      notify({ type: 'success', header: 'Exported', content: `Exported ${file.count} ${items} to ${file.filename}.` });
    })
    .catch((error: unknown) => notifyError(`Export ${items}`, error));
}
