/** Where the money goes: the agents that cost most over the range, each with its share, and the month-end projection with how it was made. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Popover from '@cloudscape-design/components/popover';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FleetMetrics, FleetMetricsRow } from '../../../../shared/metrics';
import { hrefFor } from '../../routing/use-hash-route';
import { formatUsd } from './metrics-format';
import { metricsQuery } from './metrics-route';

const TOP = 8;

export function CostLeaderboard({ rows, monthEnd }: { rows: readonly FleetMetricsRow[]; monthEnd: FleetMetrics['monthEnd'] }) {
  const costed = rows.filter((r) => (r.costUsd ?? 0) > 0).sort((a, b) => (b.costUsd ?? 0) - (a.costUsd ?? 0));
  const total = costed.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
  return (
    <Container data-testid="metrics-cost-leaderboard" header={<Header variant="h2">Cost leaderboard</Header>}>
      <SpaceBetween size="m">
        <div data-testid="metrics-month-end">
          <Box variant="awsui-key-label">Month-end projection</Box>
          {monthEnd ? (
            <Popover header="How the projection is made" content={<Box variant="code">{monthEnd.formula}</Box>} size="large" triggerType="custom">
              <Link variant="primary" fontSize="display-l" ariaLabel={`Month-end projection ${formatUsd(monthEnd.usd)}, show the formula`}>
                {formatUsd(monthEnd.usd)}
              </Link>
            </Popover>
          ) : (
            <Box color="text-body-secondary">Not enough of this month measured yet</Box>
          )}
        </div>
        {costed.length === 0 ? (
          <Box color="text-body-secondary">No agent cost in this range.</Box>
        ) : (
          costed
            .slice(0, TOP)
            .map((r) => (
              <ProgressBar
                key={r.agentKey}
                value={total > 0 ? ((r.costUsd ?? 0) / total) * 100 : 0}
                label={<Link href={hrefFor('metrics', metricsQuery({ agent: r.agentKey }))}>{r.name}</Link>}
                description={`${r.region} · ${r.profile}`}
                additionalInfo={formatUsd(r.costUsd)}
                ariaLabel={`${r.name}: ${formatUsd(r.costUsd)}`}
              />
            ))
        )}
      </SpaceBetween>
    </Container>
  );
}
