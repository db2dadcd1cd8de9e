/**
 * `#/loadtest`: the runs list; `view=new` a scenario to start; `run=` one run
 * (live while it runs, then its result); `compare=a,b` two runs side by side.
 * The whole view lives in the URL (loadtest-route.ts).
 */
import '../metrics/metrics.css';
import './loadtest.css';
import { useHashRoute } from '../../routing/use-hash-route';
import { parseLoadTestQuery } from './loadtest-route';
import { RunCompare } from './run-compare';
import { RunView } from './run-view';
import { RunsList } from './runs-list';
import { ScenarioForm } from './scenario-form';

export function LoadTestPage() {
  const { route } = useHashRoute();
  const view = parseLoadTestQuery(route.query);
  switch (view.kind) {
    case 'new':
      return <ScenarioForm key={`${view.agent ?? ''}:${view.from ?? ''}`} agent={view.agent} from={view.from} />;
    case 'run':
      return <RunView key={view.runId} runId={view.runId} />;
    case 'compare':
      return <RunCompare key={view.runIds.join(',')} runIds={view.runIds} />;
    case 'runs':
      return <RunsList />;
  }
}
