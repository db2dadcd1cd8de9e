/** A live tail for a component: one TailController per (agent, endpoint, filter pattern), started while mounted. */
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { api } from '../../api';
import type { LineFilter } from './log-filter';
import { TailController, type TailInput, type TailSnapshot } from './tail-controller';

export function useLogTail(input: TailInput | null, capacity: number, filter: LineFilter): { tail: TailSnapshot | null; controller: TailController | null } {
  const key = input ? JSON.stringify(input) : null;
  // A new filter pattern is a new tail (CloudWatch applies it): the old lines were chosen by the old pattern.
  const controller = useMemo(() => (input ? new TailController(api, input, capacity) : null), [key]);
  useEffect(() => {
    controller?.start();
    return () => controller?.stop();
  }, [controller]);
  // Before paint, so a changed filter never shows one frame of the old rows.
  useLayoutEffect(() => controller?.setFilter(filter), [controller, filter]);
  useEffect(() => controller?.setCapacity(capacity), [controller, capacity]);
  const tail = useSyncExternalStore(controller?.subscribe ?? noSubscribe, controller?.snapshot ?? noSnapshot);
  return { tail, controller };
}

const noSubscribe = (): (() => void) => () => undefined;
const noSnapshot = (): null => null;
