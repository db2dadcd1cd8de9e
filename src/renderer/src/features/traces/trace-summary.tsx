/** A trace at a glance: how long, how many spans and failures, which models it called and at what token cost, and why it may be incomplete. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TraceView } from '../../../../shared/traces';
import { Identifier } from '../../components/identifier';
import { formatCount } from '../chat/format-metrics';
import { spanDuration } from './span-format';

const sources: Record<TraceView['source'], string> = {
  insights: 'CloudWatch Logs Insights',
  filter: 'FilterLogEvents (Logs Insights was refused)',
};

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

export function TraceSummary({ trace }: { trace: TraceView }) {
  const overview: KeyValuePairsProps.Pair[] = [
    { label: 'Duration', value: spanDuration(Math.max(0, trace.end - trace.start)) },
    { label: 'Spans', value: formatCount(trace.spans.length) },
    {
      label: 'Errors',
      value:
        trace.errors > 0 ? (
          <StatusIndicator type="error">{plural(trace.errors, 'span failed', 'spans failed')}</StatusIndicator>
        ) : (
          <StatusIndicator type="success">None</StatusIndicator>
        ),
    },
    { label: 'Session', value: trace.sessionId ? <Identifier kind="runtimeSession" value={trace.sessionId} copy /> : '—' },
    {
      label: 'Trace id',
      value: (
        <CopyToClipboard
          variant="inline"
          textToCopy={trace.traceId}
          textToDisplay={<Box variant="code">{trace.traceId}</Box>}
          copyButtonAriaLabel="Copy trace id"
          copySuccessText="Trace id copied"
          copyErrorText="Trace id could not be copied"
        />
      ),
    },
    { label: 'Service', value: trace.service ?? '—' },
    { label: 'Read with', value: sources[trace.source] },
  ];
  const models: KeyValuePairsProps.Pair[] = trace.models.map((usage) => ({
    label: usage.model,
    value: `${plural(usage.calls, 'call', 'calls')} · ${formatCount(usage.inputTokens)} in → ${formatCount(usage.outputTokens)} out tokens`,
  }));
  return (
    <div className="trace-summary" data-testid="trace-summary">
      <SpaceBetween size="m">
        {trace.orphans > 0 && (
          <Alert type="warning" header="Incomplete trace" data-testid="trace-notice-orphans">
            {plural(trace.orphans, 'span', 'spans')} arrived without {trace.orphans === 1 ? 'its' : 'their'} parent — the trace may still be ingesting.
          </Alert>
        )}
        {trace.malformed > 0 && (
          <Alert type="info" header="Records skipped" data-testid="trace-notice-malformed">
            {plural(trace.malformed, 'record', 'records')} in aws/spans {trace.malformed === 1 ? 'was' : 'were'} not valid span JSON and{' '}
            {trace.malformed === 1 ? 'was' : 'were'} skipped.
          </Alert>
        )}
        <KeyValuePairs columns={4} items={overview} ariaLabel="Trace" />
        {models.length > 0 && <KeyValuePairs columns={4} items={[{ type: 'group', title: 'Models', items: models }]} />}
      </SpaceBetween>
    </div>
  );
}
