import type { Caller } from '../../../src/main/host/caller';

/** The desktop window's role, for tests that call the dispatcher directly. */
export const OWNER: Caller = { connection: 'test', role: 'owner' };
