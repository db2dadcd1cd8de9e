/**
 * The CloudWatch filter pattern of a pane. It is sent to AWS, which filters
 * before anything is shipped, so it applies on Enter (or Apply) rather than
 * per keystroke: a new pattern reopens the tail or refetches history. AWS's
 * answer to a bad pattern shows at the field.
 */
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useEffect, useState, type ReactNode } from 'react';
import { FILTER_PATTERN_MAX } from '../../../../shared/logs';
import { ExternalLink } from '../../components/external-link';

const SYNTAX_URL = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html';

export interface FilterBarProps {
  applied: string;
  onApply: (pattern: string) => void;
  errorText?: string | undefined;
  /** Beside the field: the history range, the view's buttons. */
  children?: ReactNode;
}

export function FilterBar({ applied, onApply, errorText, children }: FilterBarProps) {
  const [draft, setDraft] = useState(applied);
  // A link or another pane can change the applied pattern; the field follows it.
  useEffect(() => setDraft(applied), [applied]);
  const tooLong = draft.length > FILTER_PATTERN_MAX;
  const pending = draft.trim() !== applied.trim();
  const apply = (): void => {
    if (!tooLong) onApply(draft.trim());
  };
  return (
    <div className="logs-filter">
      <div className="logs-filter__field">
        <FormField
          label="Filter pattern"
          info={<ExternalLink href={SYNTAX_URL}>Syntax</ExternalLink>}
          errorText={tooLong ? `A CloudWatch filter pattern holds at most ${FILTER_PATTERN_MAX} characters.` : errorText}
          constraintText={pending && !tooLong ? 'Press Enter to apply: CloudWatch filters before the lines are sent.' : undefined}
          stretch
        >
          <div className="logs-filter__row">
            <div className="logs-filter__input">
              <Input
                type="search"
                value={draft}
                onChange={(e) => setDraft(e.detail.value)}
                onKeyDown={(e) => {
                  if (e.detail.key === 'Enter') apply();
                  if (e.detail.key === 'Escape') setDraft(applied);
                }}
                placeholder={'ERROR, "timed out", { $.level = "ERROR" }'}
                ariaLabel="CloudWatch filter pattern"
                invalid={Boolean(errorText) || tooLong}
                data-testid="logs-filter-pattern"
              />
            </div>
            <Button onClick={apply} disabled={!pending || tooLong} data-testid="logs-filter-apply">
              Apply
            </Button>
          </div>
        </FormField>
      </div>
      {children && <div className="logs-filter__extra">{children}</div>}
    </div>
  );
}
