/**
 * Who a web listener lets in and what they get: the owner's host admits the
 * one access token and passes everything as is; a read-only share
 * (share-listener.ts) admits its own token while the share lives, caps its
 * viewers and rewrites what goes out and what comes in.
 */
import type { Role } from '../../shared/contract';
import { ownerDelivery, type DeliveryPolicy } from './web-connections';
import { TOKEN_COOKIE, tokensEqual } from './web-auth';

/** Why a request is turned away: one line for the API envelope and the page, one word for the log. */
export interface Refusal {
  reason: string;
  message: string;
}

/** What a listener asks before and while it answers. */
export interface ListenerAccess {
  role: Role;
  cookie: string;
  /** null when this token admits its holder. */
  admit(token: string | undefined): Refusal | null;
  /** null when one more browser may watch beside `live` ones (a browser already watching is always let back in). */
  admitConnection(live: number): Refusal | null;
  delivery: DeliveryPolicy;
  /** Applied to every call's and stream's input before main sees it. */
  inbound(value: unknown): unknown;
  /** The number of browsers with a live event stream changed. */
  onConnections(live: number): void;
}

const identity = (value: unknown): unknown => value;

/** The owner's access: whoever holds the token printed at start owns the console. */
export function ownerAccess(token: string): ListenerAccess {
  const refusal: Refusal = { reason: 'wrong-token', message: 'Missing or wrong access token. Open the URL that `npm start` printed (it carries the token).' };
  return {
    role: 'owner',
    cookie: TOKEN_COOKIE,
    admit: (presented) => (tokensEqual(presented, token) ? null : refusal),
    admitConnection: () => null,
    delivery: ownerDelivery,
    inbound: identity,
    onConnections: () => undefined,
  };
}
