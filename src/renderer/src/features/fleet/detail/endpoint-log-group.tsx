/** An endpoint's CloudWatch log group in the agent's endpoints table: a link into its logs, or why it is missing. */
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Popover from '@cloudscape-design/components/popover';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { LogDiscovery } from '../../../../../shared/logs';
import { hrefFor } from '../../../routing/use-hash-route';
import { useApiQuery } from '../../../state/api-query';
import { RedactedText } from '../../../components/redacted-text';

/** One discovery per agent (shared with the logs page through the query cache). */
export function useLogGroups(agentKey: string) {
  return useApiQuery('logs.groups', { agentKey }, { staleTime: 60_000 });
}

export function EndpointLogGroup({ agentKey, endpoint, discovery }: { agentKey: string; endpoint: string; discovery: ReturnType<typeof useLogGroups> }) {
  if (discovery.isPending) return <StatusIndicator type="loading">Looking up</StatusIndicator>;
  if (discovery.isError)
    return (
      <Popover
        header="Log groups could not be read"
        content={discovery.error ? <RedactedText text={discovery.error.message} /> : undefined}
        triggerType="text"
        dismissAriaLabel="Close"
      >
        <StatusIndicator type="warning">Unknown</StatusIndicator>
      </Popover>
    );
  const group = groupOf(discovery.data, endpoint);
  if (!group) return <Box color="text-body-secondary">—</Box>;
  if (!group.exists)
    return (
      <Popover header="No log group" content={group.missingReason} triggerType="text" size="large" dismissAriaLabel="Close">
        <StatusIndicator type="warning">Missing</StatusIndicator>
      </Popover>
    );
  return (
    <Link href={hrefFor('logs', { agent: agentKey, endpoint })} ariaLabel={`Logs of endpoint ${endpoint}: ${group.groupName}`}>
      <span className="detail-log-group">{group.groupName}</span>
    </Link>
  );
}

function groupOf(discovery: LogDiscovery, endpoint: string) {
  return discovery.groups.find((g) => g.endpoint === endpoint);
}
