/** PLACEHOLDER until the load-test service lands: every method answers "not built". */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';

const notBuilt = async (): Promise<never> => {
  throw new ApiError('internal', 'The load runner is not built yet.');
};

export type LoadTestModule = FeatureModule<
  | 'loadtest.estimate'
  | 'loadtest.start'
  | 'loadtest.stop'
  | 'loadtest.runs'
  | 'loadtest.run'
  | 'loadtest.deleteRun'
  | 'loadtest.scenarios'
  | 'loadtest.saveScenario'
  | 'loadtest.deleteScenario'
  | 'loadtest.exportRun'
  | 'loadtest.artilleryExport'
  | 'loadtest.artilleryImport',
  'loadtest.live'
>;

export function createLoadTestModule(): LoadTestModule {
  return {
    methods: {
      'loadtest.estimate': notBuilt,
      'loadtest.start': notBuilt,
      'loadtest.stop': notBuilt,
      'loadtest.runs': notBuilt,
      'loadtest.run': notBuilt,
      'loadtest.deleteRun': notBuilt,
      'loadtest.scenarios': notBuilt,
      'loadtest.saveScenario': notBuilt,
      'loadtest.deleteScenario': notBuilt,
      'loadtest.exportRun': notBuilt,
      'loadtest.artilleryExport': notBuilt,
      'loadtest.artilleryImport': notBuilt,
    },
    streams: { 'loadtest.live': notBuilt },
  };
}
