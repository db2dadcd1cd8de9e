/** What a message can ask the page to do, passed by context so memoized rows need no new props. */
import { createContext, useContext } from 'react';
import type { ChatError, ChatMessage } from '../../../../shared/chat';

export interface MessageActions {
  retry(sessionId: string, messageId: number): void;
  openLogs(action: Extract<NonNullable<ChatError['action']>, { kind: 'open_logs' }>): void;
  /** The agent's log lines around one reply, its runtime session marked. */
  openMessageLogs(message: ChatMessage): void;
  /** Whether a message's agent writes CloudWatch logs the console can open (runtimes do; harness logs are not per endpoint). */
  hasLogs(message: ChatMessage): boolean;
  /** The span waterfall of one reply's invocation (its trace id came back with the reply). */
  openMessageTrace(message: ChatMessage): void;
  refreshFleet(): void;
  focusBearer(): void;
}

const noop = (): void => undefined;
export const MessageActionsContext = createContext<MessageActions>({
  retry: noop,
  openLogs: noop,
  openMessageLogs: noop,
  hasLogs: () => false,
  openMessageTrace: noop,
  refreshFleet: noop,
  focusBearer: noop,
});
export const useMessageActions = (): MessageActions => useContext(MessageActionsContext);
