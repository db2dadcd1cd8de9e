/**
 * `#/logs`: the runtimes to pick from, or up to three agents' logs side by
 * side. The first pane lives in the URL (agent, endpoint, mode, range,
 * filter), the others by agent and endpoint (`also`); the toolbar they share
 * (highlight, levels, time zone) is the URL's too, so a link or a reload
 * lands on the same view.
 */
import './logs.css';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import { useCallback, useMemo, useState } from 'react';
import type { LogLevel } from '../../../../shared/logs';
import { defaultSettings } from '../../../../shared/settings';
import { Identifier } from '../../components/identifier';
import { navigate, useHashRoute } from '../../routing/use-hash-route';
import { useSettings } from '../../state/hooks';
import { compileHighlight, type LineFilter } from './log-filter';
import { LogPane, type PaneState } from './log-pane';
import { LogsDisplayContext, type LogsDisplay } from './logs-display';
import { logsQuery, MAX_PANES, parseLogsQuery, type LogsView, type PaneRef } from './logs-route';
import { LogsToolbar } from './logs-toolbar';
import { AgentSelect, RuntimePicker } from './runtime-picker';
import { useTimeZone } from './use-time-zone';

export function LogsPage() {
  const { route } = useHashRoute();
  const view = parseLogsQuery(route.query);
  if (!view.agent) return <RuntimePicker />;
  return <LogsWorkspace view={{ ...view, agent: view.agent }} />;
}

type Extra = Pick<PaneState, 'mode' | 'range' | 'filter'>;

function LogsWorkspace({ view }: { view: LogsView & { agent: string } }) {
  const { setQuery } = useHashRoute();
  const capacity = useSettings().data?.logBufferLines ?? defaultSettings.logBufferLines;
  const [zone, setZone] = useTimeZone();
  // The other panes' mode, range and pattern are this page's state; a new pane starts like the first.
  const [extras, setExtras] = useState<Extra[]>([]);
  const [adding, setAdding] = useState(false);

  const highlight = useMemo(() => compileHighlight(view.highlight), [view.highlight]);
  const levelsKey = view.levels?.join(',') ?? '';
  const lineFilter = useMemo<LineFilter>(
    () => ({ levels: levelsKey ? new Set(levelsKey.split(',') as LogLevel[]) : null, matcher: highlight.matcher, onlyMatching: view.onlyMatching }),
    [levelsKey, highlight.matcher, view.onlyMatching],
  );
  const display = useMemo<LogsDisplay>(
    () => ({ zone, matcher: highlight.matcher, session: view.session, withDate: false }),
    [zone, highlight.matcher, view.session],
  );

  const primary: PaneState = { agent: view.agent, endpoint: view.endpoint, mode: view.mode, range: view.range, filter: view.filter };
  const extraOf = (i: number): Extra => extras[i] ?? { mode: 'live', range: view.range, filter: '' };
  const panes: PaneState[] = [primary, ...view.also.map((ref, i) => ({ ...ref, ...extraOf(i) }))];

  const write = useCallback(
    (next: PaneState[], nextExtras: Extra[]) => {
      const [first, ...rest] = next;
      if (!first) return;
      setExtras(nextExtras);
      navigate(
        {
          page: 'logs',
          query: logsQuery({ ...view, ...first, also: rest.map((p): PaneRef => ({ agent: p.agent, endpoint: p.endpoint })) }),
        },
        'replace',
      );
    },
    [view],
  );
  const change = (index: number, patch: Partial<PaneState>): void => {
    const next = panes.map((p, i) => (i === index ? { ...p, ...patch } : p));
    write(
      next,
      next.slice(1).map(({ mode, range, filter }) => ({ mode, range, filter })),
    );
  };
  const remove = (index: number): void => {
    const next = panes.filter((_, i) => i !== index);
    write(
      next,
      next.slice(1).map(({ mode, range, filter }) => ({ mode, range, filter })),
    );
  };
  const add = (agent: string): void => {
    setAdding(false);
    const next = [...panes, { agent, endpoint: 'DEFAULT', mode: 'live' as const, range: view.range, filter: '' }];
    write(
      next,
      next.slice(1).map(({ mode, range, filter }) => ({ mode, range, filter })),
    );
  };

  const count = panes.length + (adding ? 1 : 0);
  return (
    <LogsDisplayContext.Provider value={display}>
      <div className="logs-page">
        <Header
          variant="h1"
          description="CloudWatch Logs of AgentCore runtimes: the live tail, or any time range. The filter pattern runs in CloudWatch; highlight and levels run here."
          actions={
            <Button iconName="add-plus" onClick={() => setAdding(true)} disabled={count >= MAX_PANES} data-testid="logs-add-agent">
              Add agent
            </Button>
          }
        >
          <span data-testid="page-logs">Logs</span>
        </Header>
        <LogsToolbar
          highlight={view.highlight}
          onHighlight={(text) => setQuery({ highlight: text })}
          highlightError={highlight.error}
          onlyMatching={view.onlyMatching}
          onOnlyMatching={(only) => setQuery({ only: only ? '1' : undefined })}
          levels={view.levels}
          onLevels={(levels) => setQuery({ levels: levels?.join(',') })}
          zone={zone}
          onZone={setZone}
        />
        {view.session && (
          <div className="logs-session-note" data-testid="logs-session-note">
            <span>
              Lines of runtime session <Identifier kind="runtimeSession" value={view.session} /> are marked.
            </span>
            <Button variant="inline-link" onClick={() => setQuery({ session: undefined })}>
              Stop marking
            </Button>
          </div>
        )}
        <div className="logs-panes" style={{ gridTemplateColumns: `repeat(${count}, minmax(0, 1fr))` }} data-panes={count}>
          {panes.map((pane, i) => (
            <LogPane
              key={`${i}|${pane.agent}|${pane.endpoint}`}
              pane={pane}
              onChange={(patch) => change(i, patch)}
              onRemove={panes.length > 1 ? () => remove(i) : undefined}
              lineFilter={lineFilter}
              capacity={capacity}
              zone={zone}
              at={i === 0 ? view.at : null}
            />
          ))}
          {adding && (
            <section className="logs-pane logs-pane--adding" aria-label="Add an agent" data-testid="logs-pane-adding">
              <Box variant="h2">Add an agent</Box>
              <Box color="text-body-secondary">Its logs open beside the others, with their own tail, endpoint and filter pattern.</Box>
              <AgentSelect onSelect={add} label="Agent runtime for the new pane" />
              <Button variant="link" onClick={() => setAdding(false)}>
                Cancel
              </Button>
            </section>
          )}
        </div>
      </div>
    </LogsDisplayContext.Provider>
  );
}
