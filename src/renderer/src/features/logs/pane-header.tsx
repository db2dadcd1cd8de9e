/**
 * A pane's identity: which agent, which endpoint (a select over the log
 * groups `logs.groups` found and the endpoints the fleet knows), and the log
 * group's name, copyable, so it can be pasted into the CloudWatch console or
 * `aws logs tail`. The live/history switch and the pane's actions sit beside it.
 */
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import type { LogDiscovery, LogGroupInfo } from '../../../../shared/logs';
import { hrefFor } from '../../routing/use-hash-route';
import { formatEndpoint } from '../fleet/resource-format';
import { DEFAULT_ENDPOINT } from './logs-route';

export function endpointOptions(current: string, discovery: LogDiscovery | undefined, resource: FleetResource | undefined): SelectProps.Option[] {
  const names = [DEFAULT_ENDPOINT, ...(resource?.endpoints ?? []).map((e) => e.name), ...(discovery?.groups ?? []).map((g) => g.endpoint), current];
  return [...new Set(names)].map((name) => {
    const endpoint = resource?.endpoints?.find((e) => e.name === name);
    const group = discovery?.groups.find((g) => g.endpoint === name);
    return {
      value: name,
      label: name,
      description:
        [endpoint ? formatEndpoint(endpoint).replace(`${name} · `, '') : null, group && !group.exists ? 'no log group' : null].filter(Boolean).join(' · ') ||
        undefined,
    };
  });
}

export interface PaneHeaderProps {
  agentKey: string;
  agentName: string;
  region: string | undefined;
  endpoint: string;
  onEndpoint: (endpoint: string) => void;
  discovery: LogDiscovery | undefined;
  discovering: boolean;
  group: LogGroupInfo | undefined;
  resource: FleetResource | undefined;
  /** The feed's state (mode badge), beside the name. */
  status?: ReactNode;
  /** Live/history switch and the pane's own buttons, on the right. */
  actions: ReactNode;
}

export function PaneHeader(props: PaneHeaderProps) {
  const options = endpointOptions(props.endpoint, props.discovery, props.resource);
  return (
    <header className="logs-pane__head">
      <div className="logs-pane__title-row">
        <h2 className="logs-pane__title">
          <a href={hrefFor('fleet', { sel: props.agentKey, panel: 'open' })} className="logs-pane__agent" title="Show this runtime in the fleet">
            {props.agentName}
          </a>
          {props.region && <span className="logs-pane__region">{props.region}</span>}
        </h2>
        {props.status && <div className="logs-pane__status">{props.status}</div>}
        <div className="logs-pane__actions">{props.actions}</div>
      </div>
      <div className="logs-pane__source">
        <div className="logs-pane__endpoint">
          <Select
            selectedOption={options.find((o) => o.value === props.endpoint) ?? null}
            options={options}
            onChange={(e) => e.detail.selectedOption.value && props.onEndpoint(e.detail.selectedOption.value)}
            inlineLabelText="Endpoint"
            ariaLabel={`Endpoint of ${props.agentName}`}
          />
        </div>
        <div className="logs-pane__group" data-testid="logs-group-name">
          <span className="logs-pane__group-label">Log group</span>
          {props.group ? (
            <CopyToClipboard
              variant="inline"
              textToCopy={props.group.groupName}
              textToDisplay={<span className="logs-mono">{props.group.groupName}</span>}
              copyButtonAriaLabel="Copy log group name"
              copySuccessText="Log group name copied"
              copyErrorText="Could not copy the log group name"
            />
          ) : props.discovering ? (
            <Spinner />
          ) : (
            <span className="logs-muted">unknown</span>
          )}
        </div>
      </div>
    </header>
  );
}
