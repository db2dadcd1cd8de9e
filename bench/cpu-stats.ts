/**
 * CPU facts a browser benchmark on this 2-core VM needs, read from /proc
 * (Linux): when another process has gone idle (the page must not be measured
 * while the host's first poll, seconds of SDK CPU at scale 200, competes for
 * a core), and how much CPU the hypervisor stole during a run (other VMs on
 * the host; at 10-20 % every latency figure doubles).
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc CPU times, 100 on Linux everywhere. */
const TICKS_PER_SECOND = 100;

function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resolves once `pid` used under `maxShare` of a core over `windowMs`; returns how long that took, or null without /proc. */
export async function waitForIdle(pid: number, options: { maxShare: number; windowMs: number; timeoutMs: number }): Promise<number | null> {
  const start = performance.now();
  let before = cpuSeconds(pid);
  if (before === null) return null;
  while (performance.now() - start < options.timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const after = cpuSeconds(pid);
    if (after === null) return null;
    if ((after - before) / (options.windowMs / 1000) < options.maxShare) return performance.now() - start;
    before = after;
  }
  throw new Error(`process ${pid} was still busy after ${options.timeoutMs} ms`);
}

/** Steal and total ticks of all CPUs so far. */
function machineTicks(): { steal: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: steal is the 8th.
    return { steal: fields[7] ?? 0, total: fields.slice(0, 8).reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

/** Starts counting; the returned function gives the share of CPU time stolen since (NaN without /proc). */
export function measureSteal(): () => number {
  const before = machineTicks();
  return () => {
    const after = machineTicks();
    if (!before || !after || after.total === before.total) return NaN;
    return (after.steal - before.steal) / (after.total - before.total);
  };
}
