import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function ChatPage() {
  return (
    <FeaturePlaceholder
      page="chat"
      title="Chat"
      description="Invoke a deployed agent and follow its answer as it streams."
      icon="contact"
      heading="No agent selected"
      body="Chat sends prompts to one agent runtime endpoint and keeps every session, so you can pick up where you left off."
      action={{ label: 'Pick an agent in Fleet', page: 'fleet' }}
      highlights={['Streamed answers rendered as safe markdown', 'Sessions saved locally and searchable', 'Timings and token counts for each invocation']}
    />
  );
}
