/**
 * Read-only share: other browsers watch the board, fleet, metrics, logs and
 * traces through a second listener of the web host, with a per-share random
 * token, an expiry, a viewer cap and redaction forced on. Viewers hold the
 * platform's `viewer` role: every mutating method and stream refuses them.
 */
import { z } from 'zod';
import { command, event, query } from './contract-kit';

export const SHARE_LIMITS = { minMinutes: 5, maxMinutes: 24 * 60, maxViewers: 50 } as const;

export const shareInputs = {
  status: z.object({}).strict(),
  interfaces: z.object({}).strict(),
  start: z
    .object({
      minutes: z.number().int().min(SHARE_LIMITS.minMinutes).max(SHARE_LIMITS.maxMinutes).default(60),
      maxViewers: z.number().int().min(1).max(SHARE_LIMITS.maxViewers).default(10),
      /** Loopback unless the owner chose a LAN address and confirmed what that exposes. */
      bind: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('loopback') }).strict(),
          z.object({ kind: z.literal('lan'), address: z.union([z.ipv4(), z.ipv6()]), confirmed: z.literal(true) }).strict(),
        ])
        .default({ kind: 'loopback' }),
    })
    .strict(),
  stop: z.object({}).strict(),
  session: z.object({}).strict(),
};

/** What every connection may know of the share (viewers included): no URL, no token. */
export interface SharePublicStatus {
  active: boolean;
  viewers: number;
  maxViewers: number;
  expiresAt: number | null;
  bind: 'loopback' | 'lan' | null;
}

/** The owner's view: the URL to hand out carries the token. */
export interface ShareStatus extends SharePublicStatus {
  url: string | null;
  address: string | null;
  startedAt: number | null;
}

export interface ShareSession {
  role: 'owner' | 'viewer';
  share: SharePublicStatus;
}

export const shareContract = {
  methods: {
    'share.status': query<ShareStatus>()(shareInputs.status),
    'share.interfaces': query<Array<{ name: string; address: string }>>()(shareInputs.interfaces),
    'share.start': command<ShareStatus>()(shareInputs.start),
    'share.stop': command<ShareStatus>()(shareInputs.stop),
    /** Who the caller is: the renderer turns into the read-only viewer shell when it is a viewer. */
    'share.session': query<ShareSession>()(shareInputs.session),
  },
  events: {
    'share.changed': event<SharePublicStatus>(),
  },
} as const;
