/**
 * A viewer whose share ended (stopped, expired) or who was turned away (full):
 * one clear page instead of a console that cannot reconnect. Main says why
 * in the refusal it answers every later call with.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useShareSession } from '../../state/viewer';

const ENDED = 'This share has ended. Ask the person sharing for a new link.';

/** Why this viewer's share is over, or null while it lives (always null for the owner). */
export function useShareEnded(viewer: boolean): string | null {
  const active = useShareSession().data?.share.active;
  const [reason, setReason] = useState<string | null>(null);
  useEffect(
    () =>
      api.onConnection((state) => {
        if (state !== 'lost' || !viewer) return;
        // The event stream dropped: ask once why (a stopped or expired share answers every call with the reason).
        api.call('share.session', {}).then(
          () => undefined,
          (error: unknown) => {
            const code = (error as { code?: unknown }).code;
            if (code === 'unauthorized') setReason(error instanceof Error ? error.message : ENDED);
          },
        );
      }),
    [viewer],
  );
  if (!viewer) return null;
  if (reason) return reason;
  return active === false ? ENDED : null;
}

export function ShareEnded({ reason }: { reason: string }) {
  return (
    <main className="share-ended" data-testid="share-ended">
      <Container header={<Header variant="h1">Read-only share</Header>}>
        <Box variant="p">{reason}</Box>
      </Container>
    </main>
  );
}
