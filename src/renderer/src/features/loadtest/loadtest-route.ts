/**
 * The load-test page's place in the URL: the runs list (no query), a new
 * scenario (`new`, optionally for `agent=` or as a copy of run `from=`), one run (`run=`), or two runs
 * side by side (`compare=a,b`). A reload or a pasted link lands on the same
 * view; a run's live view becomes its result once it ends.
 */
import type { Query } from '../../routing/hash-route';

export type LoadTestView =
  | { kind: 'runs' }
  | { kind: 'new'; agent: string | null; from: string | null }
  | { kind: 'run'; runId: string }
  | { kind: 'compare'; runIds: [string, string] };

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RUNTIME_KEY = /^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/;

export function parseLoadTestQuery(query: Query): LoadTestView {
  const pair = (query.compare ?? '').split(',');
  if (pair.length === 2 && pair.every((id) => RUN_ID.test(id))) return { kind: 'compare', runIds: [pair[0]!, pair[1]!] };
  if (query.run && RUN_ID.test(query.run)) return { kind: 'run', runId: query.run };
  if (query.view === 'new') {
    const agent = query.agent && query.agent.length <= 400 && RUNTIME_KEY.test(query.agent) ? query.agent : null;
    const from = query.from && RUN_ID.test(query.from) ? query.from : null;
    return { kind: 'new', agent, from };
  }
  return { kind: 'runs' };
}

export function loadTestQuery(view: LoadTestView): Record<string, string> {
  switch (view.kind) {
    case 'runs':
      return {};
    case 'new':
      return { view: 'new', ...(view.agent ? { agent: view.agent } : {}), ...(view.from ? { from: view.from } : {}) };
    case 'run':
      return { run: view.runId };
    case 'compare':
      return { compare: view.runIds.join(',') };
  }
}
