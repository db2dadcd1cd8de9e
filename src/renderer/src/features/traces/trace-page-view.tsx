/**
 * `#/traces?agent=&trace=`: one trace. While its spans are still being
 * ingested the page says so and asks again on its own; once found, the
 * summary, the waterfall and — for the span picked — its detail beside it.
 * The open span lives in the URL, so a link shows the same span.
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { TraceLookup } from '../../../../shared/traces';
import { hrefFor } from '../../routing/use-hash-route';
import { useFleetResource } from '../fleet/fleet-data';
import { logsQuery } from '../logs/logs-route';
import { SpanDetail } from './span-detail';
import { useTraceLookup } from './traces-api';
import { tracesQuery, type TracesView } from './traces-route';
import { TraceSummary } from './trace-summary';
import { TraceWaterfall } from './trace-waterfall';
import { RedactedText } from '../../components/redacted-text';

interface Props {
  view: TracesView & { agent: string; trace: string };
  onSpan: (spanId: string | null) => void;
}

function LookupState({ lookup, onRetry }: { lookup: TraceLookup; onRetry: () => void }) {
  if (lookup.state === 'pending')
    return (
      <Alert type="info" header="Waiting for spans" data-testid="trace-pending">
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          <Spinner />
          <span>
            <RedactedText text={lookup.message ?? ''} />
          </span>
        </SpaceBetween>
      </Alert>
    );
  return (
    <Alert
      type="warning"
      header={lookup.state === 'no_transaction_search' ? 'Transaction Search is not enabled' : 'Trace not found'}
      action={<Button onClick={onRetry}>Search again</Button>}
      data-testid="trace-missing"
    >
      <RedactedText text={lookup.message ?? ''} />
    </Alert>
  );
}

export function TracePageView({ view, onSpan }: Props) {
  const resource = useFleetResource(view.agent);
  const query = useTraceLookup(view.agent, view.trace, view.at);
  const lookup = query.data;
  const trace = lookup?.trace;
  const span = trace && view.span ? trace.spans.find((s) => s.spanId === view.span) : undefined;
  const logsHref = hrefFor(
    'logs',
    logsQuery({
      agent: view.agent,
      mode: 'history',
      ...(trace?.sessionId ? { session: trace.sessionId } : {}),
      at: Math.round(trace?.start ?? view.at ?? Date.now()),
    }),
  );

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`${resource?.name ?? 'Agent'} · ${resource?.region ?? ''} · trace ${view.trace}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {trace?.sessionId && <Button href={hrefFor('traces', tracesQuery({ agent: view.agent, session: trace.sessionId }))}>Session traces</Button>}
              <Button href={logsHref} iconName="transcript">
                Logs
              </Button>
              <Button href={hrefFor('traces', tracesQuery({ agent: view.agent }))}>Recent traces</Button>
            </SpaceBetween>
          }
        >
          <span data-testid="page-traces">Trace</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {query.isPending && (
          <SpaceBetween direction="horizontal" size="xs" alignItems="center">
            <Spinner size="large" />
            <span>Reading spans from aws/spans with Logs Insights…</span>
          </SpaceBetween>
        )}
        {query.error && (
          <Alert type="error" header="The trace could not be read" action={<Button onClick={() => void query.refetch()}>Retry</Button>}>
            <RedactedText text={query.error.message} />
          </Alert>
        )}
        {lookup && lookup.state !== 'found' && <LookupState lookup={lookup} onRetry={() => void query.refetch()} />}
        {trace && (
          <>
            {lookup.retryAfterMs !== undefined && (
              <Alert type="info" header="Spans still arriving">
                Some spans of this trace are not in aws/spans yet; the waterfall fills in as they arrive.
              </Alert>
            )}
            {lookup.message && (
              <Alert type="info">
                <RedactedText text={lookup.message} />
              </Alert>
            )}
            <TraceSummary trace={trace} />
            <Grid gridDefinition={span ? [{ colspan: { default: 12, l: 8 } }, { colspan: { default: 12, l: 4 } }] : [{ colspan: 12 }]}>
              <TraceWaterfall trace={trace} selectedSpanId={view.span ?? undefined} onSelect={(id) => onSpan(id)} />
              {span && <SpanDetail span={span} trace={trace} onClose={() => onSpan(null)} />}
            </Grid>
          </>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
