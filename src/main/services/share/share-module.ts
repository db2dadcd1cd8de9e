/**
 * The read-only share: `share.start` / `share.stop` for the owner (from the
 * desktop window or the web host alike), `share.status` with the link to
 * hand out, `share.interfaces` for a LAN share, and `share.session`, which
 * tells any connection whether it is a viewer (the renderer turns into the
 * viewer shell). The listener is the host's (attached by the composition
 * root once the dispatcher and the hub exist).
 */
import type { Events } from '../../../shared/contract';
import type { FeatureModule } from '../../app/feature-module';
import type { Logger } from '../log/logger';
import { lanAddresses } from './lan-addresses';
import { ShareService, type OpenShareListener } from './share-service';

export interface ShareModuleDeps {
  logger: Logger;
  emit: (event: 'share.changed', payload: Events['share.changed']) => void;
  interfaces?: () => Array<{ name: string; address: string }>;
  now?: () => number;
  tombstoneMs?: number;
}

export type ShareModule = FeatureModule<'share.status' | 'share.interfaces' | 'share.start' | 'share.stop' | 'share.session'> & {
  attach(open: OpenShareListener): void;
  service: ShareService;
};

export function createShareModule(deps: ShareModuleDeps): ShareModule {
  const interfaces = deps.interfaces ?? (() => lanAddresses());
  const service = new ShareService({
    logger: deps.logger,
    emit: (status) => deps.emit('share.changed', status),
    interfaces,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.tombstoneMs !== undefined ? { tombstoneMs: deps.tombstoneMs } : {}),
  });
  return {
    service,
    attach: (open) => service.attach(open),
    methods: {
      'share.status': async () => service.status(),
      'share.interfaces': async () => interfaces(),
      'share.start': (input) => service.start(input),
      'share.stop': async () => service.stop(),
      'share.session': async (_input, caller) => ({ role: caller.role, share: service.publicStatus() }),
    },
    streams: {},
    close: () => service.close(),
  };
}
