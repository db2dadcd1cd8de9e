/** PLACEHOLDER until the war-room service lands: every method answers "not built". */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';

const notBuilt = async (): Promise<never> => {
  throw new ApiError('internal', 'The war room is not built yet.');
};

export type WarRoomModule = FeatureModule<
  | 'warroom.sets'
  | 'warroom.saveSet'
  | 'warroom.deleteSet'
  | 'warroom.incident'
  | 'warroom.startIncident'
  | 'warroom.endIncident'
  | 'warroom.timeline'
  | 'warroom.addNote'
  | 'warroom.deleteNote'
  | 'warroom.report',
  'warroom.board'
>;

export function createWarRoomModule(): WarRoomModule {
  return {
    methods: {
      'warroom.sets': notBuilt,
      'warroom.saveSet': notBuilt,
      'warroom.deleteSet': notBuilt,
      'warroom.incident': notBuilt,
      'warroom.startIncident': notBuilt,
      'warroom.endIncident': notBuilt,
      'warroom.timeline': notBuilt,
      'warroom.addNote': notBuilt,
      'warroom.deleteNote': notBuilt,
      'warroom.report': notBuilt,
    },
    streams: { 'warroom.board': notBuilt },
  };
}
