/**
 * The protocol modules plugged into the server beside the control plane and
 * runtime. Adding one (metrics, sso…) is one line here.
 */
import type { EmulatorModule, ModuleDeps } from './core/types';
import { createMemoryModule } from './memory/index';
import { createLogsModule } from './logs/index';
import { createSsoModule } from './sso/index';
import { createMetricsModule } from './metrics/index';

export type ModuleFactory = (deps: ModuleDeps) => EmulatorModule;

export const MODULE_FACTORIES: ReadonlyArray<readonly [name: string, factory: ModuleFactory]> = [
  ['memory', createMemoryModule],
  ['logs', (deps) => createLogsModule(deps)],
  ['sso', createSsoModule],
  ['metrics', createMetricsModule],
];
