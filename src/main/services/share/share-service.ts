/**
 * The life of a read-only share: one at a time, each with its own random
 * token (never reused: a new share gets a new one), an expiry, a viewer cap
 * and one pseudonym table for everything its viewers see. The listener
 * itself is opened by the host (injected), so this stays plain state.
 *
 * Stopping or expiring drops every viewer at once and retires the token for
 * the life of the process. The ended share's port keeps answering for a
 * while, but only to say the share ended — no page, no data — so an old
 * link explains itself instead of failing to connect; then it closes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors';
import { Pseudonyms } from '../../../shared/redaction';
import type { SharePublicStatus, ShareStatus, shareInputs } from '../../../shared/share';
import { tokensEqual } from '../../host/web-auth';
import type { Logger } from '../log/logger';

export type ShareStartInput = z.output<typeof shareInputs.start>;

/** Why a request to a share is turned away. */
export interface ShareRefusal {
  reason: 'wrong-token' | 'stopped' | 'expired' | 'full';
  message: string;
}

/** What a share's listener asks of the share behind it. */
export interface ShareGate {
  readonly names: Pseudonyms;
  admit(token: string | undefined): ShareRefusal | null;
  admitViewer(live: number): ShareRefusal | null;
  viewersChanged(live: number): void;
}

export interface ShareListener {
  /** `http://host:port`, as viewers must type it (the Host check accepts only this address). */
  url: string;
  dropClients(): void;
  close(): Promise<void>;
}

export type OpenShareListener = (gate: ShareGate, address: string) => Promise<ShareListener>;

export interface ShareServiceDeps {
  logger: Logger;
  emit: (status: SharePublicStatus) => void;
  /** This machine's non-internal addresses (a LAN share may bind only to one of them). */
  interfaces: () => Array<{ name: string; address: string }>;
  now?: () => number;
  /** How long an ended share's port keeps saying so. */
  tombstoneMs?: number;
}

interface Share {
  token: string;
  startedAt: number;
  expiresAt: number;
  maxViewers: number;
  bind: 'loopback' | 'lan';
  address: string;
  viewers: number;
  names: Pseudonyms;
  listener: ShareListener | null;
  ended: 'stopped' | 'expired' | null;
  timer: NodeJS.Timeout | null;
}

const TOKEN_BYTES = 32;
const DEFAULT_TOMBSTONE_MS = 15 * 60_000;
const LOOPBACK = '127.0.0.1';

const messages: Record<Exclude<ShareRefusal['reason'], 'full'>, string> = {
  'wrong-token': 'This share link is not valid. Check that you copied all of it, or ask the person sharing for a new one.',
  stopped: 'This share has ended: the person sharing stopped it. Ask them for a new link.',
  expired: 'This share has expired. Ask the person sharing for a new link.',
};
const refusal = (reason: Exclude<ShareRefusal['reason'], 'full'>): ShareRefusal => ({ reason, message: messages[reason] });

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class ShareService {
  private current: Share | null = null;
  /** Every token a share ever had, by digest: presented again, it says how that share ended. */
  private readonly retired = new Map<string, 'stopped' | 'expired'>();
  private readonly ended = new Set<Share>();
  private open: OpenShareListener | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: ShareServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The host's listener factory; until it is attached a share cannot start. */
  attach(open: OpenShareListener): void {
    this.open = open;
  }

  async start(input: ShareStartInput): Promise<ShareStatus> {
    if (!this.open) throw new ApiError('internal', 'Sharing is not available in this host.');
    this.expireIfDue();
    if (this.current) throw new ApiError('invalid_input', 'A share is already running. Stop it before starting another.');
    const address = input.bind.kind === 'loopback' ? LOOPBACK : input.bind.address;
    if (input.bind.kind === 'lan' && !this.deps.interfaces().some((i) => i.address === address)) {
      throw new ApiError('invalid_input', `${address} is not a network address of this machine. Pick one from the list.`);
    }
    const startedAt = this.now();
    const share: Share = {
      token: randomBytes(TOKEN_BYTES).toString('base64url'),
      startedAt,
      expiresAt: startedAt + input.minutes * 60_000,
      maxViewers: input.maxViewers,
      bind: input.bind.kind,
      address,
      viewers: 0,
      names: new Pseudonyms(),
      listener: null,
      ended: null,
      timer: null,
    };
    try {
      share.listener = await this.open(this.gateFor(share), address);
    } catch (error) {
      throw new ApiError('internal', `Could not listen on ${address}: ${(error as Error).message}`);
    }
    share.timer = setTimeout(() => this.end(share, 'expired'), share.expiresAt - startedAt);
    share.timer.unref();
    this.current = share;
    this.deps.logger.info('share started', { bind: share.bind, address, minutes: input.minutes, maxViewers: share.maxViewers });
    this.deps.emit(this.publicStatus());
    return this.status();
  }

  stop(): ShareStatus {
    if (this.current) this.end(this.current, 'stopped');
    return this.status();
  }

  status(): ShareStatus {
    this.expireIfDue();
    const share = this.current;
    if (!share?.listener) return { ...this.publicStatus(), url: null, address: null, startedAt: null };
    return { ...this.publicStatus(), url: `${share.listener.url}/?token=${share.token}`, address: share.address, startedAt: share.startedAt };
  }

  publicStatus(): SharePublicStatus {
    const share = this.current;
    if (!share) return { active: false, viewers: 0, maxViewers: 0, expiresAt: null, bind: null };
    return { active: true, viewers: share.viewers, maxViewers: share.maxViewers, expiresAt: share.expiresAt, bind: share.bind };
  }

  /** Ends the share and closes every port still answering for an ended one (quit). */
  async close(): Promise<void> {
    this.stop();
    await Promise.all([...this.ended].map((share) => this.closeListener(share)));
  }

  private gateFor(share: Share): ShareGate {
    return {
      names: share.names,
      admit: (token) => {
        if (!token) return refusal('wrong-token');
        if (!share.ended && this.now() >= share.expiresAt) this.end(share, 'expired');
        if (share.ended === null && tokensEqual(token, share.token)) return null;
        const retired = this.retired.get(digest(token));
        return retired ? refusal(retired) : refusal('wrong-token');
      },
      admitViewer: (live) =>
        live >= share.maxViewers
          ? { reason: 'full', message: `This share is full (${share.maxViewers} viewer${share.maxViewers === 1 ? '' : 's'}). Try again when someone leaves.` }
          : null,
      viewersChanged: (live) => {
        if (share.ended || share.viewers === live) return;
        share.viewers = live;
        this.deps.emit(this.publicStatus());
      },
    };
  }

  private expireIfDue(): void {
    if (this.current && this.now() >= this.current.expiresAt) this.end(this.current, 'expired');
  }

  private end(share: Share, how: 'stopped' | 'expired'): void {
    if (share.ended) return;
    share.ended = how;
    this.retired.set(digest(share.token), how);
    if (share.timer) clearTimeout(share.timer);
    if (this.current === share) this.current = null;
    share.viewers = 0;
    // Told first, so a viewer's page says the share ended before its connection drops.
    this.deps.emit(this.publicStatus());
    share.listener?.dropClients();
    this.ended.add(share);
    share.timer = setTimeout(() => void this.closeListener(share), this.deps.tombstoneMs ?? DEFAULT_TOMBSTONE_MS);
    share.timer.unref();
    this.deps.logger.info('share ended', { how, bind: share.bind });
  }

  private async closeListener(share: Share): Promise<void> {
    if (share.timer) clearTimeout(share.timer);
    this.ended.delete(share);
    await share.listener?.close();
  }
}
