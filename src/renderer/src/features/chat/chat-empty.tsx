/** Empty states that say what to do next. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Icon, { type IconProps } from '@cloudscape-design/components/icon';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export function EmptyState({ icon, heading, children, actions }: { icon: IconProps.Name; heading: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="chat-empty">
      <div className="chat-empty__icon" aria-hidden="true">
        <Icon name={icon} size="large" variant="subtle" />
      </div>
      <SpaceBetween size="s" alignItems="center">
        <Box variant="h2" textAlign="center">
          {heading}
        </Box>
        <Box color="text-body-secondary" textAlign="center">
          {children}
        </Box>
        {actions}
      </SpaceBetween>
    </div>
  );
}

export function NoAgent({ hasRuntimes }: { hasRuntimes: boolean }) {
  return hasRuntimes ? (
    <EmptyState icon="contact" heading="Pick an agent to chat with" actions={<Button href="#/fleet">Browse the fleet</Button>}>
      Choose a runtime in the agent list on the left, or press Ctrl+K and type “Chat with …”. Replies stream in with their steps, timings, cold starts and the
      exact bytes received.
    </EmptyState>
  ) : (
    <EmptyState icon="multiscreen" heading="No agent runtimes in the fleet" actions={<Button href="#/fleet">Go to Fleet</Button>}>
      The fleet has no agent runtimes yet, or it is still loading. Check the watched profiles and regions on the Fleet page.
    </EmptyState>
  );
}

export function NoSession({ agentName, onNew, creating, hasSessions }: { agentName: string; onNew: () => void; creating: boolean; hasSessions: boolean }) {
  return (
    <EmptyState
      icon="gen-ai"
      heading={hasSessions ? `Continue with ${agentName}` : `Start chatting with ${agentName}`}
      actions={
        <Button variant="primary" iconName="add-plus" onClick={onNew} loading={creating}>
          New session
        </Button>
      }
    >
      {hasSessions
        ? 'Open a session from the list, or start a new one. Each session keeps its own runtime session id, so the agent remembers the conversation.'
        : 'A new session gets a fresh runtime session id (AgentCore wants at least 33 characters; the console makes one for you). The first prompt may hit a cold start.'}
    </EmptyState>
  );
}
