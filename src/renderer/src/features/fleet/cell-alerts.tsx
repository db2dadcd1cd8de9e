/** One warning per polling cell (profile × region) that failed: the rest of the fleet stays visible. */
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FleetCell } from '../../../../shared/fleet';
import { formatClock } from '../../lib/relative-time';

export function CellAlerts({ cells }: { cells: readonly FleetCell[] }) {
  const failing = cells.filter((cell) => cell.state === 'error');
  if (failing.length === 0) return null;
  return (
    <SpaceBetween size="xs">
      {failing.map((cell) => (
        <Alert key={`${cell.profile}|${cell.region}`} type="warning" header={`Couldn’t load ${cell.profile} in ${cell.region}`}>
          {cell.error?.message ?? 'The last poll failed without an error message.'}
          {cell.error?.code ? ` (${cell.error.code})` : ''}
          {cell.polledAt ? ` Showing data from ${formatClock(cell.polledAt)}.` : ' No data from this region yet.'}
        </Alert>
      ))}
    </SpaceBetween>
  );
}
