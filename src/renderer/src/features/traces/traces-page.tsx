/**
 * `#/traces`: live sessions without an agent; with `agent=`, its recent
 * traces, one session's (`session=`) or one trace's waterfall (`trace=`).
 * The whole view lives in the URL (traces-route.ts).
 */
import './traces.css';
import { useHashRoute } from '../../routing/use-hash-route';
import { AgentTraces } from './agent-traces';
import { LiveSessionsView } from './live-sessions';
import { SessionTraces } from './session-traces';
import { TracePageView } from './trace-page-view';
import { parseTracesQuery, tracesQuery } from './traces-route';

export function TracesPage() {
  const { route, go, setQuery } = useHashRoute();
  const view = parseTracesQuery(route.query);
  if (!view.agent) return <LiveSessionsView />;
  const agent = view.agent;
  if (view.trace)
    return (
      <TracePageView
        key={view.trace}
        view={{ ...view, agent, trace: view.trace }}
        // Picking a span replaces the history entry: Back leaves the trace rather than walking through every span clicked.
        onSpan={(span) => setQuery({ span: span ?? undefined })}
      />
    );
  if (view.session) return <SessionTraces key={view.session} agentKey={agent} runtimeSessionId={view.session} />;
  return <AgentTraces key={agent} agentKey={agent} lastMs={view.lastMs} onLast={(lastMs) => go('traces', tracesQuery({ agent, lastMs }))} />;
}
