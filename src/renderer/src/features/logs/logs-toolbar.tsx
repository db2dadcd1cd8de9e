/**
 * What every pane shares: the highlight (instant, client-side: text or
 * `/regex/flags`), whether only matching lines show, the levels shown, and
 * the time zone. None of it goes to AWS; the filter pattern in each pane does.
 */
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Toggle from '@cloudscape-design/components/toggle';
import ToggleButton from '@cloudscape-design/components/toggle-button';
import { logLevels, type LogLevel } from '../../../../shared/logs';
import type { TimeZoneMode } from './log-format';
import { levelLabel } from './log-format';
import { toggleLevel } from './logs-route';

const levelNames: Record<LogLevel, string> = { ...levelLabel, other: 'Other' };

export interface LogsToolbarProps {
  highlight: string;
  onHighlight: (text: string) => void;
  highlightError: string | null;
  onlyMatching: boolean;
  onOnlyMatching: (only: boolean) => void;
  levels: readonly LogLevel[] | null;
  onLevels: (levels: readonly LogLevel[] | null) => void;
  zone: TimeZoneMode;
  onZone: (zone: TimeZoneMode) => void;
}

export function LogsToolbar(props: LogsToolbarProps) {
  const shown = new Set(props.levels ?? logLevels);
  return (
    <div className="logs-toolbar" role="group" aria-label="Display of every pane" data-testid="logs-toolbar">
      <div className="logs-toolbar__highlight">
        <FormField label="Highlight" errorText={props.highlightError ?? undefined} stretch>
          <Input
            type="search"
            value={props.highlight}
            onChange={(e) => props.onHighlight(e.detail.value)}
            placeholder="Text, or /regex/i"
            ariaLabel="Highlight text or regular expression"
            invalid={props.highlightError !== null}
            data-testid="logs-highlight"
          />
        </FormField>
      </div>
      <div className="logs-toolbar__only">
        <Toggle
          checked={props.onlyMatching}
          onChange={(e) => props.onOnlyMatching(e.detail.checked)}
          disabled={!props.highlight}
          data-testid="logs-only-matching"
        >
          Only matching lines
        </Toggle>
      </div>
      <FormField label="Levels">
        <div className="logs-levels" role="group" aria-label="Levels shown">
          {logLevels.map((level) => (
            <ToggleButton
              key={level}
              pressed={shown.has(level)}
              onChange={(e) => props.onLevels(toggleLevel(props.levels, level, e.detail.pressed))}
              ariaLabel={`Show ${levelNames[level]} lines`}
              data-testid={`logs-level-${level}`}
            >
              {levelNames[level]}
            </ToggleButton>
          ))}
        </div>
      </FormField>
      <FormField label="Time">
        <SegmentedControl
          label="Time zone"
          selectedId={props.zone}
          options={[
            { id: 'local', text: 'Local' },
            { id: 'utc', text: 'UTC' },
          ]}
          onChange={(e) => props.onZone(e.detail.selectedId as TimeZoneMode)}
          data-testid="logs-zone"
        />
      </FormField>
    </div>
  );
}
