/** The feed's state as a badge: Live tail, Polling (and why), Reconnecting, Stopped; and a paused tail says how much is waiting. */
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { TailMode } from '../../../../shared/logs';
import { RedactedText } from '../../components/redacted-text';

const looks: Record<TailMode, { type: StatusIndicatorProps.Type; label: string }> = {
  connecting: { type: 'loading', label: 'Connecting' },
  live: { type: 'success', label: 'Live tail' },
  polling: { type: 'info', label: 'Polling' },
  reconnecting: { type: 'in-progress', label: 'Reconnecting' },
  stopped: { type: 'stopped', label: 'Stopped' },
};

export function TailStatus({ mode, reason, paused }: { mode: TailMode; reason: string | undefined; paused: boolean }) {
  const look = looks[mode];
  return (
    <span className="logs-status" data-testid="logs-tail-mode" data-mode={mode}>
      {paused ? <StatusIndicator type="pending">Paused</StatusIndicator> : <StatusIndicator type={look.type}>{look.label}</StatusIndicator>}
      {/* Polling is a fallback the user should know the reason for; a stop says why. */}
      {reason && (mode === 'polling' || mode === 'stopped' || mode === 'reconnecting') && (
        <span className="logs-status__reason">
          <RedactedText text={reason} />
        </span>
      )}
    </span>
  );
}
