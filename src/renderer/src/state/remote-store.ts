/**
 * The hand-written server-state cell that lived here is replaced by TanStack
 * Query (query-client.ts, api-query.ts). Only this re-export stays, because
 * features/chat/chat-store.ts (owned elsewhere) still imports it from here;
 * delete the file once that import points at ./api-error.
 */
export { toApiError } from './api-error';
