/** Settings: read, patch (validated by the contract), and tell every connection and every module what changed. */
import type { Settings } from '../../../shared/settings';
import type { FeatureModule } from '../../app/feature-module';
import type { SettingsStore } from '../store/settings-store';

export function createSettingsModule(store: SettingsStore, changed: (next: Settings) => void): FeatureModule<'settings.get' | 'settings.set'> {
  return {
    methods: {
      'settings.get': async () => store.get(),
      'settings.set': async (patch) => {
        const next = store.update(patch);
        changed(next);
        return next;
      },
    },
    streams: {},
  };
}
