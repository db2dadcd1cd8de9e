/** Everything about one span: what it is, when it ran against the trace, its parent, model, tool, error and attributes. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Icon from '@cloudscape-design/components/icon';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { useMemo } from 'react';
import type { SpanRow, TraceView } from '../../../../shared/traces';
import { SpanAttributes } from './span-attributes';
import { categories, spanDuration, startOffset, tokenFlow } from './span-format';

const statuses: Record<SpanRow['status'], { type: StatusIndicatorProps.Type; text: string }> = {
  ok: { type: 'success', text: 'OK' },
  error: { type: 'error', text: 'Error' },
  // OTEL's default: the instrumentation did not say, which is not a failure.
  unset: { type: 'info', text: 'Unset' },
};

function ParentValue({ span, parent }: { span: SpanRow; parent: SpanRow | undefined }) {
  if (parent) return <>{parent.name}</>;
  if (span.orphan)
    return (
      <StatusIndicator type="warning">
        Not found: <Box variant="code">{span.parentSpanId ?? 'unknown'}</Box> has not arrived (or was lost)
      </StatusIndicator>
    );
  return <>None (root span)</>;
}

export function SpanDetail({ span, trace, onClose }: { span: SpanRow; trace: TraceView; onClose: () => void }) {
  const parent = useMemo(() => (span.parentSpanId === undefined ? undefined : trace.spans.find((s) => s.spanId === span.parentSpanId)), [span, trace]);
  const status = statuses[span.status];
  const tokens = tokenFlow(span);
  const category = categories[span.category];
  const items: KeyValuePairsProps.Pair[] = [
    {
      label: 'Category',
      value: (
        <span>
          <Icon name={category.icon} size="small" /> {category.label}
        </span>
      ),
    },
    { label: 'Kind', value: span.kind },
    { label: 'Status', value: <StatusIndicator type={status.type}>{status.text}</StatusIndicator> },
    { label: 'Start', value: `${startOffset(span.start - trace.start)} from the trace's start` },
    { label: 'Duration', value: spanDuration(Math.max(0, span.end - span.start)) },
    { label: 'Parent', value: <ParentValue span={span} parent={parent} /> },
    { label: 'Span id', value: <Box variant="code">{span.spanId}</Box> },
    { label: 'Critical path', value: span.critical ? 'Yes: this span decided when the trace ended' : 'No' },
  ];
  if (span.model) items.push({ label: 'Model', value: span.model });
  if (tokens) items.push({ label: 'Tokens (input → output)', value: tokens });
  if (span.toolName) items.push({ label: 'Tool', value: span.toolName });
  return (
    <div className="trace-span-detail" data-testid="trace-span-detail">
      <Container
        header={
          <Header
            variant="h2"
            description={`${category.label} span · ${span.kind}`}
            actions={<Button variant="icon" iconName="close" ariaLabel="Close span details" onClick={onClose} />}
          >
            {span.name}
          </Header>
        }
      >
        <SpaceBetween size="l">
          {span.status === 'error' && (
            <Alert type="error" header="This span failed">
              {span.error ?? 'The span reported an error status without a message.'}
            </Alert>
          )}
          <KeyValuePairs columns={3} items={items} />
          <SpaceBetween size="xs">
            <Box variant="h3">Attributes ({Object.keys(span.attributes).length.toLocaleString()})</Box>
            {/* Keyed by span: expanded values and the chosen view do not leak from one span to the next. */}
            <SpanAttributes key={span.spanId} attributes={span.attributes} />
          </SpaceBetween>
        </SpaceBetween>
      </Container>
    </div>
  );
}
