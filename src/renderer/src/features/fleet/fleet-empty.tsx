/** What the table says when there is nothing to show, and what to do next. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ApiError } from '../../../../shared/errors';
import { ExternalLink } from '../../components/external-link';
import { hrefFor } from '../../routing/use-hash-route';
import { RedactedText } from '../../components/redacted-text';
import { useIsViewer } from '../../state/viewer';

const AGENTCORE_GUIDE = 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/what-is-bedrock-agentcore.html';

export function FleetEmpty({ filtered, waitingOnCells = false, onClearFilter }: { filtered: boolean; waitingOnCells?: boolean; onClearFilter: () => void }) {
  const viewer = useIsViewer();
  if (waitingOnCells && !filtered) {
    return (
      <Box textAlign="center" color="inherit" padding={{ vertical: 'l' }}>
        <SpaceBetween size="xs">
          <Box variant="strong">No data yet</Box>
          <Box color="text-body-secondary">
            None of the watched profiles and regions has answered yet. The messages above say why and what to do (for example, sign in).
          </Box>
        </SpaceBetween>
      </Box>
    );
  }
  if (filtered) {
    return (
      <Box textAlign="center" color="inherit" padding={{ vertical: 'l' }}>
        <SpaceBetween size="xs">
          <Box variant="strong">No matches</Box>
          <Box color="text-body-secondary">No resources match the current filters.</Box>
          <Button onClick={onClearFilter}>Clear filters</Button>
        </SpaceBetween>
      </Box>
    );
  }
  return (
    <Box textAlign="center" color="inherit" padding={{ vertical: 'l' }}>
      <SpaceBetween size="xs">
        <Box variant="strong">No AgentCore resources</Box>
        <Box color="text-body-secondary">
          The watched profiles and regions have no agent runtimes, memories or gateways yet. Check which ones are watched, or deploy an agent and it appears
          here on the next poll.
        </Box>
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          {!viewer && <Button href={hrefFor('settings')}>Review watched regions</Button>}
          <ExternalLink href={AGENTCORE_GUIDE}>AgentCore developer guide</ExternalLink>
        </SpaceBetween>
      </SpaceBetween>
    </Box>
  );
}

export function FleetLoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <Box textAlign="center" color="inherit" padding={{ vertical: 'l' }}>
      <SpaceBetween size="xs">
        <Box variant="strong" color="text-status-error">
          Couldn’t load the fleet
        </Box>
        <Box color="text-body-secondary">
          <RedactedText text={error.message} /> ({error.code})
        </Box>
        <Button iconName="refresh" onClick={onRetry}>
          Try again
        </Button>
      </SpaceBetween>
    </Box>
  );
}
