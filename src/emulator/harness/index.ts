/**
 * The harness module: control plane (ListHarnesses, GetHarness, endpoints,
 * versions, DeleteHarness), InvokeHarness, and the stream fault knob
 * (`GET|PUT /_emulator/harness`). Built by index.ts beside the runtime,
 * because InvokeHarness paces its stream with the emulator's timing options.
 */
import type { EmulatorModule } from '../core/types';
import { AdminError } from '../core/types';
import type { Pacing } from '../runtime/pacing';
import type { HarnessFleet } from './fleet';
import { harnessControlRoutes } from './control-routes';
import { harnessInvokeRoute } from './invoke';
import { NO_HARNESS_FAULT, parseHarnessFault, type HarnessFault } from './stream-fault';

export type { HarnessFault, HarnessFaultInput } from './stream-fault';
export type { HarnessView } from './model';

export interface HarnessModuleDeps {
  fleet: HarnessFleet;
  now: () => number;
  seed: number;
  pacing: Pacing;
}

export interface HarnessModule extends EmulatorModule {
  /** Validates and replaces the stream fault; throws a message naming the bad field. */
  setFault(input: unknown): HarnessFault;
  getFault(): HarnessFault;
}

export function createHarnessModule(deps: HarnessModuleDeps): HarnessModule {
  let fault: HarnessFault = NO_HARNESS_FAULT;
  const turns = new Map<string, number>();
  const setFault = (input: unknown): HarnessFault => {
    fault = parseHarnessFault(input);
    return fault;
  };
  return {
    routes: [...harnessControlRoutes(deps.fleet), harnessInvokeRoute({ ...deps, fault: () => fault, turns })],
    admin: [
      { method: 'GET', path: '/_emulator/harness', handle: () => fault },
      {
        method: 'PUT',
        path: '/_emulator/harness',
        handle: (body) => {
          try {
            return setFault(body);
          } catch (err) {
            throw new AdminError(400, (err as Error).message);
          }
        },
      },
    ],
    setFault,
    getFault: () => fault,
    reset() {
      fault = NO_HARNESS_FAULT;
      turns.clear();
      deps.fleet.reset();
    },
  };
}
