import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function LogsPage() {
  return (
    <FeaturePlaceholder
      page="logs"
      title="Logs"
      description="Live tail of an agent's CloudWatch logs."
      icon="transcript"
      heading="No log stream yet"
      body="Logs follows an agent runtime's log group as events arrive, with filters that keep up with a busy agent."
      action={{ label: 'Pick an agent in Fleet', page: 'fleet' }}
      highlights={['Live tail that stays smooth under load', 'Filter by level, session or text', 'Jump from an error to its chat session']}
    />
  );
}
