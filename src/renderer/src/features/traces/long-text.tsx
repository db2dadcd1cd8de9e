/** Agent text that can run to pages (prompts, completions): its start until asked for the rest. Text only, never HTML. */
import { useState } from 'react';
import { useRedact } from '../../state/presentation';

/** Past this many characters a value shows its start and "Show all N characters". */
export const LONG_TEXT_LIMIT = 300;

/** Cutting between the halves of a surrogate pair would draw a replacement character at the cut. */
function cutAt(text: string, limit: number): string {
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

export function LongText({ text: stored }: { text: string }) {
  const [open, setOpen] = useState(false);
  // Span attributes carry prompts, tool inputs and ARNs: presentation mode masks what they name.
  const text = useRedact()(stored);
  if (text.length <= LONG_TEXT_LIMIT) return <pre className="wf-attr-value">{text}</pre>;
  return (
    <div>
      <pre className="wf-attr-value">{open ? text : `${cutAt(text, LONG_TEXT_LIMIT)}…`}</pre>
      <button type="button" className="wf-more" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="trace-long-text-toggle">
        {open ? 'Show less' : `Show all ${text.length.toLocaleString()} characters`}
      </button>
    </div>
  );
}
