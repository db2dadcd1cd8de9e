/**
 * A small structured logger. Lines are JSON so an SRE can grep and jq them;
 * every field passes through `redact`, so a token that slips into a log call
 * is never written. The file is rotated by size (one previous file kept as
 * `<name>.1`), so a noisy day never fills the disk.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Append JSON lines here (created if missing). */
  file?: string;
  /** Also write to stderr, human-readable. */
  console?: boolean;
  level?: LogLevel;
  now?: () => number;
  /** Rotate the file past this size. Default 5 MB. */
  maxFileBytes?: number;
}

/** Appends lines to a file, moving it to `<file>.1` (replacing the older one) once it would pass `maxBytes`. */
function rotatingFile(file: string, maxBytes: number): (line: string) => void {
  mkdirSync(dirname(file), { recursive: true });
  let size = existsSync(file) ? statSync(file).size : 0;
  return (line) => {
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > maxBytes) {
      renameSync(file, `${file}.1`);
      size = 0;
    }
    appendFileSync(file, line);
    size += bytes;
  };
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const toFile = options.file ? rotatingFile(options.file, options.maxFileBytes ?? 5 * 1024 * 1024) : undefined;
  return buildLogger(options, toFile, {});
}

function buildLogger(options: LoggerOptions, toFile: ((line: string) => void) | undefined, bindings: Record<string, unknown>): Logger {
  const min = order[options.level ?? 'info'];
  const now = options.now ?? Date.now;

  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (order[level] < min) return;
    const record = redact({ time: new Date(now()).toISOString(), level, msg: message, ...bindings, ...fields });
    toFile?.(JSON.stringify(record) + '\n');
    if (options.console) {
      const extra = { ...bindings, ...fields };
      const tail = Object.keys(extra).length ? ' ' + JSON.stringify(redact(extra)) : '';
      process.stderr.write(`[${level}] ${String(record.msg)}${tail}\n`);
    }
  };

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (more) => buildLogger(options, toFile, { ...bindings, ...more }),
  };
}

/** For tests and library defaults: drops everything. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
