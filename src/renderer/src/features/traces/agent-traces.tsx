/**
 * `#/traces?agent=`: an agent's recent traces, failed first and then the
 * slowest, and the tokens its model calls used in the same window (what the
 * metrics page prices as model cost).
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Alert from '@cloudscape-design/components/alert';
import { useMemo } from 'react';
import { usageByModel, type ModelUsage } from '../../../../shared/traces';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource } from '../fleet/fleet-data';
import { metricsQuery } from '../metrics/metrics-route';
import { TraceList } from './trace-list';
import { TraceNotices } from './trace-notices';
import { useRecentTraces, useTokenUsage } from './traces-api';
import { LAST_OPTIONS } from './traces-route';
import { RedactedText } from '../../components/redacted-text';

const integer = new Intl.NumberFormat('en-US');

function TokenTable({ agentKey, startTime, endTime }: { agentKey: string; startTime: number; endTime: number }) {
  const usage = useTokenUsage(agentKey, startTime, endTime);
  const models = useMemo(() => usageByModel(usage.data?.days ?? []), [usage.data]);
  return (
    <Table<ModelUsage>
      data-testid="traces-token-usage"
      variant="container"
      header={
        <Header
          variant="h2"
          description="Input and output tokens of the agent’s model calls, from its model spans. The metrics page prices them as model cost."
          actions={<Button href={hrefFor('metrics', metricsQuery({ agent: agentKey }))}>Cost and metrics</Button>}
        >
          Token usage
        </Header>
      }
      loading={usage.isPending}
      loadingText="Summing tokens with Logs Insights"
      items={models}
      trackBy="model"
      columnDefinitions={[
        { id: 'model', header: 'Model', cell: (m) => m.model },
        { id: 'calls', header: 'Model calls', cell: (m) => integer.format(m.calls) },
        { id: 'input', header: 'Input tokens', cell: (m) => integer.format(m.inputTokens) },
        { id: 'output', header: 'Output tokens', cell: (m) => integer.format(m.outputTokens) },
      ]}
      empty={
        <Box textAlign="center" color="text-body-secondary" padding="m">
          {usage.error ? (
            <>
              Token usage could not be read: <RedactedText text={usage.error.message} />
            </>
          ) : (
            <RedactedText text={usage.data?.notices[0]?.message ?? 'No model calls in this window.'} />
          )}
        </Box>
      }
    />
  );
}

export function AgentTraces({ agentKey, lastMs, onLast }: { agentKey: string; lastMs: number; onLast: (ms: number) => void }) {
  const resource = useFleetResource(agentKey);
  const recent = useRecentTraces(agentKey, lastMs);
  const selected = LAST_OPTIONS.find((o) => o.value === lastMs) ?? LAST_OPTIONS[1];
  const data = recent.data;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={resource ? `${resource.region} · ${resource.profile} · spans from aws/spans` : undefined}>
          <span data-testid="page-traces">{resource?.name ?? 'Agent'} traces</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Select
          selectedOption={{ value: String(selected.value), label: selected.label }}
          options={LAST_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }))}
          onChange={(e) => onLast(Number(e.detail.selectedOption.value))}
          ariaLabel="Time window"
        />
        {recent.error && (
          <Alert type="error" header="Traces could not be read">
            <RedactedText text={recent.error.message} />
          </Alert>
        )}
        {data && <TraceNotices notices={data.notices} />}
        {data && <TokenTable agentKey={agentKey} startTime={data.startTime} endTime={data.endTime} />}
        <TraceList
          agentKey={agentKey}
          traces={data?.traces ?? []}
          loading={recent.isPending}
          showSession
          header={
            <Header
              variant="h2"
              counter={data ? `(${data.traces.length})` : undefined}
              description="Failed first, then the slowest. A trace opens its span waterfall."
            >
              Recent traces
            </Header>
          }
          empty="No traces in this window."
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
