/** Command-line flags shared by both hosts, validated with a specific message for each mistake. */
import { z } from 'zod';
import { parseAgentFlag, type LocalAgent } from '../../emulator/index';

export interface HostArgs {
  demo: boolean;
  port: number;
  dataDir?: string;
  /** `--agent name=url` (repeatable): local agent containers to put in the demo fleet. */
  agents?: LocalAgent[];
}

const portSchema = z.coerce.number().int().min(0).max(65535);

export function parseHostArgs(argv: string[]): HostArgs {
  const args: HostArgs = { demo: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--demo':
        args.demo = true;
        break;
      case '--port': {
        const parsed = portSchema.safeParse(value());
        if (!parsed.success) throw new Error('--port must be a whole number from 0 to 65535 (0 picks a free port)');
        args.port = parsed.data;
        break;
      }
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--agent':
        // The emulator's own parser, so the console and `npm run emulator` accept and refuse the same URLs.
        (args.agents ??= []).push(parseAgentFlag(value()));
        break;
      default:
        // Electron and Chromium add their own switches; only our own prefix is an error.
        if (flag.startsWith('--') && !flag.startsWith('--inspect') && !isForeignSwitch(flag))
          throw new Error(`unknown option ${flag} (known: --demo, --port N, --data-dir DIR, --agent name=url)`);
    }
  }
  return args;
}

const isForeignSwitch = (flag: string): boolean => /^--(no-sandbox|enable-|disable-|remote-debugging|user-data-dir|headless|ozone|trace)/.test(flag);
