/**
 * One agent's logs: its header (agent, endpoint, log group), then either the
 * live tail or history of that endpoint's log group. A group that does not
 * exist says why (from `logs.groups`) and nothing is opened for it.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Spinner from '@cloudscape-design/components/spinner';
import { useApiQuery } from '../../state/api-query';
import { useFleetResource } from '../fleet/fleet-data';
import { HistoryView } from './history-view';
import { LiveView } from './live-view';
import type { TimeZoneMode } from './log-format';
import type { LineFilter } from './log-filter';
import type { HistoryRange, LogsMode } from './logs-route';
import { PaneHeader } from './pane-header';
import { RedactedText } from '../../components/redacted-text';

export interface PaneState {
  agent: string;
  endpoint: string;
  mode: LogsMode;
  range: HistoryRange;
  filter: string;
}

export interface LogPaneProps {
  pane: PaneState;
  onChange: (patch: Partial<PaneState>) => void;
  /** Absent for the only pane. */
  onRemove?: (() => void) | undefined;
  lineFilter: LineFilter;
  capacity: number;
  zone: TimeZoneMode;
  at: number | null;
}

export function LogPane({ pane, onChange, onRemove, lineFilter, capacity, zone, at }: LogPaneProps) {
  const resource = useFleetResource(pane.agent);
  const discovery = useApiQuery('logs.groups', { agentKey: pane.agent });
  const group = discovery.data?.groups.find((g) => g.endpoint === pane.endpoint);
  const agentName = resource?.name ?? discovery.data?.agentName ?? pane.agent.split('|')[3] ?? 'agent';
  const exists = group?.exists === true;

  const actions = (
    <>
      <SegmentedControl
        label={`Live or history for ${agentName}`}
        selectedId={pane.mode}
        options={[
          { id: 'live', text: 'Live', iconName: 'caret-right-filled' },
          { id: 'history', text: 'History', iconName: 'calendar' },
        ]}
        onChange={(e) => onChange({ mode: e.detail.selectedId as LogsMode })}
        data-testid="logs-mode"
      />
      {onRemove && <Button variant="icon" iconName="close" ariaLabel={`Close the ${agentName} pane`} onClick={onRemove} data-testid="logs-pane-remove" />}
    </>
  );

  return (
    <section className="logs-pane" aria-label={`Logs of ${agentName}`} data-testid="logs-pane" data-agent={agentName}>
      <PaneHeader
        agentKey={pane.agent}
        agentName={agentName}
        region={resource?.region ?? discovery.data?.region}
        endpoint={pane.endpoint}
        onEndpoint={(endpoint) => onChange({ endpoint })}
        discovery={discovery.data}
        discovering={discovery.isLoading}
        group={group}
        resource={resource}
        actions={actions}
      />
      <div className="logs-pane__body">
        {discovery.error && (
          <Alert type="error" header="Could not read this agent's log groups" action={<Button onClick={() => void discovery.refetch()}>Retry</Button>}>
            <RedactedText text={discovery.error.message} />
          </Alert>
        )}
        {discovery.data && !exists && (
          <Alert type="warning" header={`No log group for endpoint ${pane.endpoint}`} data-testid="logs-group-missing">
            {group?.missingReason ??
              `AgentCore has not created ${group?.groupName ?? 'a log group'} for this endpoint. It appears with the endpoint's first invocation.`}
          </Alert>
        )}
        {discovery.isLoading && (
          <Box textAlign="center" padding="l" color="text-body-secondary">
            <Spinner /> Finding the log groups
          </Box>
        )}
        {exists &&
          (pane.mode === 'live' ? (
            <LiveView
              agentKey={pane.agent}
              agentName={agentName}
              endpoint={pane.endpoint}
              pattern={pane.filter}
              onPattern={(filter) => onChange({ filter })}
              lineFilter={lineFilter}
              capacity={capacity}
              enabled
            />
          ) : (
            <HistoryView
              agentKey={pane.agent}
              agentName={agentName}
              endpoint={pane.endpoint}
              pattern={pane.filter}
              onPattern={(filter) => onChange({ filter })}
              range={pane.range}
              onRange={(range) => onChange({ range })}
              lineFilter={lineFilter}
              zone={zone}
              enabled
              at={at}
            />
          ))}
      </div>
    </section>
  );
}
