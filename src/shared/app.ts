/** The console itself: what it is, what it looks at, and whether anyone is looking. */
import { z } from 'zod';
import { event, query } from './contract-kit';

export type DataSource =
  { kind: 'demo'; label: string; endpoint: string; regions: string[] } | { kind: 'aws'; label: string; profiles: string[]; regions: string[] };

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  platform: string;
  dataDir: string;
  dataSource: DataSource;
  startedAt: number;
  /** Things the user must know about start-up (e.g. a corrupt database moved aside). */
  notices: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
}

export const appContract = {
  methods: {
    'app.info': query<AppInfo>()(z.object({}).strict()),
    /**
     * The calling connection reports whether anyone can see it. Polling pauses only while no connection is
     * visible. Not a mutation: it describes the caller, and a viewer's tab counts as someone watching.
     */
    'app.visibility': query<{ polling: 'active' | 'paused' }>()(z.object({ visible: z.boolean() }).strict()),
  },
  events: {
    /** App info changed (e.g. the watched profiles, so the data-source badge): the whole new value. */
    'app.changed': event<AppInfo>(),
  },
} as const;
