/**
 * Bounds how often one kind of log line is written. Anything on the loopback
 * port can send requests the host refuses; logging each one synchronously
 * would let a web page that finds the port fill the disk and stall the main
 * loop. Past `perWindow` lines in a window, lines are counted instead, and
 * the next line written says how many were left out.
 */
export interface LogThrottle {
  /** Runs `write` with the number suppressed since the last written line, or counts it. */
  (write: (suppressed: number) => void): void;
}

export function createLogThrottle(perWindow: number, windowMs = 60_000, now: () => number = Date.now): LogThrottle {
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let suppressed = 0;
  return (write) => {
    const at = now();
    if (at - windowStart >= windowMs) {
      windowStart = at;
      written = 0;
    }
    if (written >= perWindow) {
      suppressed++;
      return;
    }
    written++;
    const left = suppressed;
    suppressed = 0;
    write(left);
  };
}
