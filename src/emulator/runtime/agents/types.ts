/** The contract between the invoke handler and a demo agent's reply generator. */
import type { Rng } from '../../kit/rng';
import type { RuntimeSpec } from '../../fleet/model';

export interface AgentTurn {
  prompt: string;
  payload: unknown;
  sessionId: string;
  /** Runtime user id header, or the default demo actor. */
  actorId: string;
  /** 1 for the first call of a session. */
  turn: number;
  rng: Rng;
  runtime: RuntimeSpec;
  now: number;
}

export interface SseFrame {
  /** The `data:` payload (JSON text or plain text). */
  data: string;
  event?: string;
  /** How many token-times to wait before this frame (thinking pauses are longer). */
  weight: number;
}

export type AgentReply = { kind: 'json'; body: unknown; text: string } | { kind: 'text'; text: string } | { kind: 'sse'; frames: SseFrame[]; text: string };

export interface AgentBehaviour {
  /** JSON agents fail (like their container would) on a body that isn't JSON. */
  jsonInput: boolean;
  reply(turn: AgentTurn): AgentReply;
}

export const json = (data: unknown, weight = 1, event?: string): SseFrame => ({ data: JSON.stringify(data), weight, ...(event ? { event } : {}) });
