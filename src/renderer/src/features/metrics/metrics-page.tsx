import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function MetricsPage() {
  return (
    <FeaturePlaceholder
      page="metrics"
      title="Metrics"
      description="Latency, errors, invocations and cost for each deployed agent."
      icon="grid-view"
      heading="No agent selected"
      body="Metrics charts an agent's CloudWatch data and estimated cost over the period you choose."
      action={{ label: 'Pick an agent in Fleet', page: 'fleet' }}
      highlights={['p50 / p90 / p99 latency and error rate', 'Invocations and sessions over time', 'Estimated cost by agent']}
    />
  );
}
