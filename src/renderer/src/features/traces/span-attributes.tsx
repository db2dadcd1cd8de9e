/** A span's attributes, as a key/value list or as pretty JSON, with the JSON one click from the clipboard. */
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import type { SpanAttribute } from '../../../../shared/traces';
import { LongText } from './long-text';
import { useRedact } from '../../state/presentation';
import { attributeText } from './span-format';

type View = 'pairs' | 'json';

export function SpanAttributes({ attributes }: { attributes: Record<string, SpanAttribute> }) {
  const [view, setView] = useState<View>('pairs');
  // Sorted, so the gen_ai.*, tool.* and http.* families sit together.
  const entries = useMemo(() => Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)), [attributes]);
  const redact = useRedact();
  const json = useMemo(() => JSON.stringify(Object.fromEntries(entries), null, 2), [entries]);
  // The copy is the real JSON (the clipboard is not on screen); what shows is masked in presentation mode.
  const shown = useMemo(() => redact(json), [json, redact]);
  return (
    <SpaceBetween size="s">
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        <SegmentedControl
          label="Show attributes as"
          selectedId={view}
          onChange={({ detail }) => setView(detail.selectedId === 'json' ? 'json' : 'pairs')}
          options={[
            { id: 'pairs', text: 'Key/value' },
            { id: 'json', text: 'Pretty JSON' },
          ]}
        />
        <CopyToClipboard
          variant="button"
          textToCopy={json}
          copyButtonText="Copy JSON"
          copySuccessText="Attributes copied as JSON"
          copyErrorText="Could not copy: the clipboard refused access. Show Pretty JSON and select the text to copy it by hand."
        />
      </SpaceBetween>
      {entries.length === 0 ? (
        <Box color="text-body-secondary">This span has no attributes.</Box>
      ) : view === 'pairs' ? (
        <KeyValuePairs
          columns={1}
          ariaLabel="Span attributes"
          items={entries.map(([key, value]) => ({ label: <span className="wf-attr-key">{key}</span>, value: <LongText text={attributeText(value)} /> }))}
        />
      ) : (
        <pre className="wf-json" tabIndex={0} aria-label="Span attributes as JSON" data-testid="trace-span-json">
          {shown}
        </pre>
      )}
    </SpaceBetween>
  );
}
