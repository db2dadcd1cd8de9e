/**
 * The logs module as main runs it, for tests and benchmarks of the log tail:
 * the emulator (live tail ticking fast), a polled fleet of one region, the
 * real logs module with short timings, and a collecting sink per tail that
 * behaves as the stream hub's does (its signal aborts on close).
 */
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index';
import { createLogsModule as createEmulatorLogs } from '../../../src/emulator/logs/index';
import type { LiveTailOptions } from '../../../src/emulator/logs/live-tail';
import { MODULE_FACTORIES } from '../../../src/emulator/modules';
import type { StreamSink } from '../../../src/main/host/stream-hub';
import type { ClientFactory } from '../../../src/main/services/aws/clients';
import { silentLogger } from '../../../src/main/services/log/logger';
import { createLogsModule, type LogsModule } from '../../../src/main/services/logs/logs-module';
import type { TailTiming } from '../../../src/main/services/logs/log-tail';
import type { ApiError } from '../../../src/shared/errors';
import type { LogLine, LogTailItem, TailMode } from '../../../src/shared/logs';
import { logsInputs } from '../../../src/shared/logs';
import type { z } from 'zod';
import { OWNER } from './caller';
import { startDemoFleetRig } from './demo-fleet-rig';

export interface TailCollector {
  items: LogTailItem[];
  lines(): LogLine[];
  modes(): TailMode[];
  ended: { error?: ApiError } | null;
  /** Resolves once `predicate` holds for what arrived (checked on every item), or rejects after `ms` (generous: CI machines are busy). */
  until(predicate: (c: TailCollector) => boolean, ms?: number): Promise<void>;
  close(): void;
}

export interface LogsModuleRig {
  emu: RunningEmulator;
  logs: LogsModule;
  clients: ClientFactory;
  agentKey(name: string): string;
  tail(input: z.input<typeof logsInputs.tail>): Promise<TailCollector>;
  close(): Promise<void>;
}

export const FAST_TAIL: Partial<TailTiming> = { flushMs: 10, pollMs: 150, maxPollMs: 600, overlapMs: 2000, reconnectDelaysMs: [20, 50, 100], idleMs: 5000 };

export async function startLogsModuleRig(
  emulator: EmulatorOptions,
  options: { timing?: Partial<TailTiming>; liveTail?: Partial<LiveTailOptions>; region?: string } = {},
): Promise<LogsModuleRig> {
  const region = options.region ?? 'us-east-1';
  const modules = MODULE_FACTORIES.map(([name, factory]) =>
    name === 'logs' ? (deps: Parameters<typeof factory>[0]) => createEmulatorLogs(deps, { liveTail: { tickMs: 100, ...options.liveTail } }) : factory,
  );
  const base = await startDemoFleetRig({ ...emulator, modules }, region, 'logs-rig-');
  const logs = createLogsModule({
    clients: base.clients,
    fleet: base.fleet,
    logger: silentLogger,
    backoff: { delaysMs: [5, 5] },
    timing: { ...FAST_TAIL, ...options.timing },
  });
  const open: TailCollector[] = [];
  return {
    emu: base.emu,
    logs,
    clients: base.clients,
    agentKey: base.agentKey,
    async tail(input) {
      const collector = collect();
      open.push(collector.collector);
      await logs.streams['logs.tail'](logsInputs.tail.parse(input), collector.sink);
      return collector.collector;
    },
    async close() {
      for (const c of open) c.close();
      await base.close();
    },
  };
}

function collect(): { sink: StreamSink<LogTailItem>; collector: TailCollector } {
  const abort = new AbortController();
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const collector: TailCollector = {
    items: [],
    lines: () => collector.items.flatMap((i) => (i.kind === 'lines' ? i.lines : [])),
    modes: () => collector.items.flatMap((i) => (i.kind === 'mode' ? [i.mode] : [])),
    ended: null,
    until(predicate, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(collector)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out; got ${collector.lines().length} lines, modes ${collector.modes().join(' → ')}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
  const sink: StreamSink<LogTailItem> = {
    caller: OWNER,
    signal: abort.signal,
    push(item) {
      if (abort.signal.aborted) return;
      collector.items.push(item);
      notify();
    },
    end(error) {
      collector.ended = error ? { error } : {};
      abort.abort();
      notify();
    },
  };
  return { sink, collector };
}
