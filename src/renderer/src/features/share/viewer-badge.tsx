/** What a viewer always sees in the top bar: that this is a read-only share, and how long it has left. */
import { useShareSession } from '../../state/viewer';
import { timeLeft, useNow } from './use-share';

export function ViewerBadge() {
  const share = useShareSession().data?.share;
  const now = useNow();
  const left = share?.expiresAt ? ` · expires in ${timeLeft(share.expiresAt, now)}` : '';
  return (
    <span className="viewer-badge" role="status" data-testid="viewer-badge">
      Read-only share{left}
    </span>
  );
}
