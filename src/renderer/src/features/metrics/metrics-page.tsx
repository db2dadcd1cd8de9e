/**
 * `#/metrics`: the fleet view without an agent, one agent's view with
 * `agent=`, a memory's or gateway's with `resource=`. The whole view lives in
 * the URL (metrics-route.ts), so a link, a reload or the fleet page's
 * "Metrics" action lands on the same charts.
 */
import './metrics.css';
import { useHashRoute } from '../../routing/use-hash-route';
import { AgentView } from './agent-view';
import { FleetView } from './fleet-view';
import { metricsQuery, parseMetricsQuery, type ViewRange } from './metrics-route';
import { ResourceView } from './resource-view';

export function MetricsPage() {
  const { route, go } = useHashRoute();
  const view = parseMetricsQuery(route.query);
  // A range or endpoint change is a history entry: Back returns to the range looked at before.
  const onRange = (range: ViewRange) => go('metrics', metricsQuery({ ...view, range }));
  const onEndpoint = (endpoint: string) => go('metrics', metricsQuery({ ...view, endpoint }));
  if (view.agent) return <AgentView key={view.agent} view={{ ...view, agent: view.agent }} onRange={onRange} onEndpoint={onEndpoint} />;
  if (view.resource) return <ResourceView key={view.resource} view={{ ...view, resource: view.resource }} onRange={onRange} />;
  return <FleetView view={view} onRange={onRange} />;
}
