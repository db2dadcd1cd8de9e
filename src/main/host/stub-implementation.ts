/** For tests of the transports: an implementation whose every method fails unless overridden. */
import { methodNames } from '../../shared/contract';
import type { Implementation } from './dispatch';

export function stubImplementation(overrides: Partial<Implementation> = {}): Implementation {
  const entries = methodNames.map((name) => [
    name,
    async () => {
      throw new Error(`${name} is not implemented by this stub`);
    },
  ]);
  return { ...(Object.fromEntries(entries) as Implementation), ...overrides };
}
