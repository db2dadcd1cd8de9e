/** Who a call or stream comes from: one connection (a window, or one web client) and the role it holds. */
import type { Role } from '../../shared/contract';

export interface Caller {
  /** Stable for the life of the connection; `ipc:<n>` for a window, `web:<random>` for a web client. */
  connection: string;
  role: Role;
}
