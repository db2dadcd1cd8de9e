import { FeaturePlaceholder } from '../../components/feature-placeholder';

export function LoadTestPage() {
  return (
    <FeaturePlaceholder
      page="loadtest"
      title="Load test"
      description="Drive concurrent invocations against an endpoint and measure the tail."
      icon="upload-download"
      heading="No load test runs yet"
      body="A load test sends a chosen prompt at a set concurrency and reports throughput, latency percentiles and errors."
      action={{ label: 'Pick a target agent in Fleet', page: 'fleet' }}
      highlights={['Concurrency and duration you control', 'Latency percentiles and error breakdown', 'Runs kept for comparison']}
    />
  );
}
