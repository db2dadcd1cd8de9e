/**
 * Polling trouble, cell by cell: one Alert per failed (profile × region) cell
 * with its own error, and one "Session expired — Sign in" banner per profile
 * whose SSO session ran out. Everything else keeps polling and stays visible.
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo } from 'react';
import type { FleetCell } from '../../../../shared/fleet';
import { formatClock } from '../../lib/relative-time';
import { failedCells, pausedProfiles } from './cell-state';
import { useIsViewer } from '../../state/viewer';
import { RedactedText } from '../../components/redacted-text';

export interface CellAlertsProps {
  cells: readonly FleetCell[];
  onSignIn: (profile: string) => void;
}

export const CellAlerts = memo(function CellAlerts({ cells, onSignIn }: CellAlertsProps) {
  const failing = failedCells(cells);
  const paused = pausedProfiles(cells);
  const viewer = useIsViewer();
  if (failing.length === 0 && paused.length === 0) return null;
  return (
    <SpaceBetween size="xs">
      {paused.map((entry) => {
        const signIn = entry.reason !== 'other';
        const header =
          entry.reason === 'session-expired'
            ? `Session expired — Sign in to ${entry.profile}`
            : entry.reason === 'not-signed-in'
              ? `Not signed in — Sign in to ${entry.profile}`
              : `Polling paused for ${entry.profile}`;
        return (
          <div key={`paused:${entry.profile}`} data-testid={`session-expired-${entry.profile}`}>
            <Alert
              type="warning"
              header={header}
              action={
                signIn && !viewer ? (
                  <Button onClick={() => onSignIn(entry.profile)} ariaLabel={`Sign in to ${entry.profile}`}>
                    Sign in
                  </Button>
                ) : undefined
              }
            >
              {signIn ? (
                `Profile ${entry.profile} needs an IAM Identity Center sign-in, so polling of ${entry.regions.join(', ')} is paused. `
              ) : (
                <>
                  <RedactedText text={entry.message ?? 'Polling of this profile is paused.'} /> Regions: {entry.regions.join(', ')}.{' '}
                </>
              )}
              {entry.lastPolledAt ? `Its resources below are as of ${formatClock(entry.lastPolledAt)}.` : 'No data from this profile yet.'} Other profiles keep
              polling.
            </Alert>
          </div>
        );
      })}
      {failing.map((cell) => (
        <div key={`error:${cell.profile}|${cell.region}`} data-testid="cell-error">
          <Alert type="error" header={`Couldn’t poll ${cell.profile} in ${cell.region}${cell.error?.code ? `: ${cell.error.code}` : ''}`}>
            {cell.error?.message ? <RedactedText text={asSentence(cell.error.message)} /> : 'The last poll failed without an error message.'}
            {cell.polledAt ? ` Showing this region’s resources from ${formatClock(cell.polledAt)}.` : ' No data from this region yet.'}
          </Alert>
        </div>
      ))}
    </SpaceBetween>
  );
});

/** AWS's messages often end without a full stop; ours follows on the same line. */
const asSentence = (message: string): string => (/[.!?]$/.test(message.trim()) ? message : `${message.trim()}.`);
