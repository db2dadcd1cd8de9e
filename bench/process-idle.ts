/**
 * Waits until another process is idle, read from /proc (Linux): a browser
 * benchmark on a 2-core machine must not measure the page while the host's
 * first poll (seconds of SDK CPU at scale 200) competes with it for a core.
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
