/** A failure reason under a status: one line in the table, with an expand for longer AWS messages. */
import { useState } from 'react';
import { useRedact } from '../../state/presentation';

/** Messages shorter than this fit on one line of the status column, so they get no expander. */
const CLAMP_CHARS = 45;

export function FailureReason({ text: stored }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  // AWS's own words name roles, keys and accounts: presentation mode masks them too.
  const text = useRedact()(stored);
  const long = text.length > CLAMP_CHARS;
  return (
    <div className="failure-reason-block">
      <div className={expanded ? 'failure-reason failure-reason--expanded' : 'failure-reason'} title={expanded ? undefined : text}>
        <span className="cell-error">{text}</span>
      </div>
      {long && (
        <button
          type="button"
          className="inline-toggle"
          aria-expanded={expanded}
          onClick={(event) => {
            // The row click opens the quick look; the toggle only toggles.
            event.stopPropagation();
            setExpanded((v) => !v);
          }}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}
