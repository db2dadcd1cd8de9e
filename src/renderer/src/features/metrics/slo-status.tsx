/** An agent's SLO state in one glance: breached now (a red badge), breached earlier in the range, or within its thresholds. */
import Badge from '@cloudscape-design/components/badge';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { SloBreach } from '../../../../shared/metrics';

const kindName: Record<SloBreach['kind'], string> = { errorRate: 'error rate', p99: 'p99 latency' };

export function SloBadge({ breaches }: { breaches: readonly SloBreach[] }) {
  const open = breaches.filter((b) => b.endedAt === undefined);
  if (open.length > 0)
    return (
      <span data-testid="metrics-breach-badge">
        <Badge color="red">SLO breached: {[...new Set(open.map((b) => kindName[b.kind]))].join(', ')}</Badge>
      </span>
    );
  if (breaches.length > 0)
    return (
      <span data-testid="metrics-breach-badge">
        <StatusIndicator type="warning">
          {breaches.length} SLO breach{breaches.length === 1 ? '' : 'es'} in range
        </StatusIndicator>
      </span>
    );
  return (
    <span data-testid="metrics-slo-ok">
      <StatusIndicator type="success">Within SLO</StatusIndicator>
    </span>
  );
}

/** The fleet table's cell: a badge only where it matters, so a breached row stands out. */
export function BreachCell({ breached }: { breached: boolean }) {
  return breached ? (
    <span data-testid="metrics-row-breached">
      <Badge color="red">Breached</Badge>
    </span>
  ) : (
    <StatusIndicator type="success">OK</StatusIndicator>
  );
}
