/**
 * The log-rate knob (`logLinesPerSecond`, `--log-rate`, `PUT /_emulator/logs`):
 * while it is above 0, every runtime log group that someone has read or
 * tailed (or only those of one runtime) gets that many lines per second in a
 * per-instance `[runtime-logs]` stream of its own, written like any other
 * line so live tails and FilterLogEvents see them. Lines land in ~10 batches
 * a second, from an unref'd timer, so a load test can push 5,000 lines/s
 * without the emulator keeping a process alive or bursting once a second.
 */
import type { ModuleDeps } from '../core/types';
import { runtimeStreamName } from './naming';
import { loadLine, newLoadState, stampFor, type LoadLineState } from './load-lines';
import type { LogGroup } from './events';
import type { LogStore } from './store';

export interface LoadSetting {
  /** Lines per second per target group; 0 stops the load. */
  linesPerSecond: number;
  /** Only this runtime's groups (every endpoint); default every read or tailed runtime group. */
  runtimeName?: string;
  /** Overrides live tail's 500-per-update sampling cap while set. */
  maxPerUpdate?: number;
}

const TICK_MS = 100;
/** A container instance of its own: its stream only ever grows at the end, so appends stay O(1) however long the load runs. */
const LOAD_INSTANCE_SLOT = 2;
/** After a stall (a paused debugger, a long GC) catch up at most this much, rather than dumping minutes of lines at once. */
const MAX_CATCH_UP_MS = 1000;

export class LogLoad {
  private setting: LoadSetting = { linesPerSecond: 0 };
  private timer: NodeJS.Timeout | undefined;
  private lastTick = 0;
  private carry = 0;
  private readonly states = new Map<LogGroup, LoadLineState>();

  constructor(
    private readonly store: LogStore,
    private readonly deps: ModuleDeps,
  ) {}

  get current(): LoadSetting {
    return { ...this.setting };
  }

  /** Read by live tail per line: no copy. */
  get maxPerUpdate(): number | undefined {
    return this.setting.maxPerUpdate;
  }

  set(setting: LoadSetting): void {
    this.setting = { ...setting };
    if (setting.linesPerSecond > 0 && !this.timer) {
      this.lastTick = performance.now();
      this.carry = 0;
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    } else if (setting.linesPerSecond <= 0) this.stop();
  }

  /** The groups the load writes to right now. */
  targets(): LogGroup[] {
    const name = this.setting.runtimeName;
    return this.store.watchedGroups().filter((g) => name === undefined || g.runtime?.name === name);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.carry = 0;
  }

  /** Admin reset: no load, and the per-group request state goes with the groups. */
  reset(): void {
    this.stop();
    this.setting = { linesPerSecond: 0 };
    this.states.clear();
  }

  /** One batch: the lines due since the last tick (by the wall clock, so late timers do not lower the rate). */
  tick(): void {
    const t = performance.now();
    const elapsed = Math.min(MAX_CATCH_UP_MS, t - this.lastTick);
    this.lastTick = t;
    this.carry += (this.setting.linesPerSecond * elapsed) / 1000;
    const n = Math.floor(this.carry);
    this.carry -= n;
    if (n === 0) return;
    const targets = this.targets();
    if (targets.length === 0) return;
    const stamp = stampFor(this.deps.now());
    for (const group of targets) {
      let state = this.states.get(group);
      if (!state) this.states.set(group, (state = newLoadState(this.deps.seed, group)));
      const stream = runtimeStreamName(this.deps.seed, group.name, stamp.ms, LOAD_INSTANCE_SLOT);
      for (let i = 0; i < n; i++) this.store.append(group, stream, stamp.ms, loadLine(state, stamp));
    }
    // Deleted groups drop out of the targets; forget their state so a recreated group starts fresh.
    if (this.states.size > targets.length) for (const g of this.states.keys()) if (!targets.includes(g)) this.states.delete(g);
  }
}
