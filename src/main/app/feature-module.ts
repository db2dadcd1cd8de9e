/**
 * A feature of the console as main sees it: the contract methods and streams
 * it implements, what it does when settings change, and how it shuts down.
 * The composition root lists modules; `combineModules` merges them, and
 * assigning the result to `Implementation` / `StreamImplementation` makes
 * TypeScript prove that every method and stream of the contract is served.
 */
import type { MethodName, StreamName } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import type { Implementation } from '../host/dispatch';
import type { StreamImplementation } from '../host/stream-hub';

export interface FeatureModule<M extends MethodName = never, S extends StreamName = never> {
  methods: Pick<Implementation, M>;
  streams: Pick<StreamImplementation, S>;
  /** Called after every settings change, with the new settings. */
  settingsChanged?(settings: Settings): void;
  close?(): void | Promise<void>;
}

type AnyModule = FeatureModule<MethodName, StreamName>;
type MethodsOf<T> = T extends { methods: infer M } ? M : never;
type StreamsOf<T> = T extends { streams: infer S } ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export interface Combined<T extends readonly unknown[]> {
  methods: UnionToIntersection<MethodsOf<T[number]>>;
  streams: UnionToIntersection<StreamsOf<T[number]>>;
  settingsChanged(settings: Settings): void;
  /** Closes modules in reverse order (later modules use earlier ones). */
  close(): Promise<void>;
}

export function combineModules<T extends readonly FeatureModule<never, never>[]>(modules: T): Combined<T> {
  const list = modules as unknown as readonly AnyModule[];
  const methods: Record<string, unknown> = {};
  const streams: Record<string, unknown> = {};
  for (const module of list) {
    for (const [name, handler] of Object.entries(module.methods)) {
      if (name in methods) throw new Error(`two modules implement ${name}`);
      methods[name] = handler;
    }
    for (const [name, handler] of Object.entries(module.streams)) {
      if (name in streams) throw new Error(`two modules implement stream ${name}`);
      streams[name] = handler;
    }
  }
  return {
    methods: methods as Combined<T>['methods'],
    streams: streams as Combined<T>['streams'],
    settingsChanged: (settings) => {
      for (const module of list) module.settingsChanged?.(settings);
    },
    close: async () => {
      for (const module of [...list].reverse()) await module.close?.();
    },
  };
}
