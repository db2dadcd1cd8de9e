/** PLACEHOLDER until the share service lands: every method answers "not built". */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';

const notBuilt = async (): Promise<never> => {
  throw new ApiError('internal', 'Sharing is not built yet.');
};

export type ShareModule = FeatureModule<'share.status' | 'share.interfaces' | 'share.start' | 'share.stop' | 'share.session'>;

export function createShareModule(): ShareModule {
  return {
    methods: {
      'share.status': notBuilt,
      'share.interfaces': notBuilt,
      'share.start': notBuilt,
      'share.stop': notBuilt,
      'share.session': notBuilt,
    },
    streams: {},
  };
}
