/** The status line above the table: counts by status (failures in red), by type, and polling cells. */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { Fragment, memo, useMemo } from 'react';
import type { FleetCell, FleetResource } from '../../../../shared/fleet';
import { countByKind, summarizeStatuses } from './status-summary';
import { healthIndicator, kindPlural } from './resource-format';
import { resourceKinds } from '../../../../shared/fleet';

export interface FleetSummaryProps {
  resources: readonly FleetResource[];
  cells: readonly FleetCell[];
  onStatusClick: (status: string) => void;
}

export const FleetSummary = memo(function FleetSummary({ resources, cells, onStatusClick }: FleetSummaryProps) {
  const statuses = useMemo(() => summarizeStatuses(resources), [resources]);
  const kinds = useMemo(() => countByKind(resources), [resources]);
  const healthyCells = cells.filter((cell) => cell.state === 'ok').length;

  return (
    <Container data-testid="fleet-summary">
      <div className="fleet-summary-frame">
        <div className="fleet-summary">
          <div className="fleet-summary__total">
            <Box variant="awsui-key-label">Resources</Box>
            <Box fontSize="display-l" fontWeight="light">
              {resources.length}
            </Box>
          </div>
          <div className="fleet-summary__statuses">
            <Box variant="awsui-key-label">By status</Box>
            <div className="fleet-summary__line" aria-label="Resources by status">
              {statuses.length === 0 && <Box color="text-body-secondary">No resources</Box>}
              {statuses.map((entry, index) => (
                <Fragment key={entry.status}>
                  {index > 0 && (
                    <span className="fleet-summary__dot" aria-hidden="true">
                      {' '}
                      ·{' '}
                    </span>
                  )}
                  <span className={entry.health === 'failed' ? 'fleet-summary__item fleet-summary__item--failed' : 'fleet-summary__item'}>
                    <button type="button" className="fleet-summary__filter" onClick={() => onStatusClick(entry.status)} title={`Show only ${entry.status}`}>
                      <StatusIndicator type={healthIndicator[entry.health]} iconAriaLabel={entry.health}>
                        <Box variant="span" fontWeight="bold" color={entry.health === 'failed' ? 'text-status-error' : 'inherit'}>
                          {entry.count} {entry.status}
                        </Box>
                      </StatusIndicator>
                    </button>
                  </span>
                </Fragment>
              ))}
            </div>
          </div>
          <div className="fleet-summary__kinds">
            <Box variant="awsui-key-label">By type</Box>
            <Box>{resourceKinds.map((kind) => `${kinds[kind]} ${kindPlural[kind]}`).join(' · ')}</Box>
          </div>
          <div className="fleet-summary__cells">
            <Box variant="awsui-key-label">Polling</Box>
            <StatusIndicator type={healthyCells === cells.length ? 'success' : 'warning'}>
              {healthyCells} of {cells.length} {cells.length === 1 ? 'region' : 'regions'} up to date
            </StatusIndicator>
          </div>
        </div>
      </div>
    </Container>
  );
});
