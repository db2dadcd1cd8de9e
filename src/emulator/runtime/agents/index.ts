/** Behaviour name → reply generator. Bridged runtimes don't appear here: they proxy to a real container. */
import type { Behaviour } from '../../fleet/model';
import type { AgentBehaviour } from './types';
import { sreSupervisor } from './sre-supervisor';
import { fitnessCoach } from './fitness-coach';
import { aiopsReact } from './aiops-react';
import { modelRegistry } from './model-registry';
import { strandsEvents, tokenStream } from './streaming';
import { modelAccessError, plainText, resultJson } from './simple';

export const BEHAVIOURS: Record<Exclude<Behaviour, 'bridge'>, AgentBehaviour> = {
  'sre-supervisor': sreSupervisor,
  'fitness-coach': fitnessCoach,
  'aiops-react': aiopsReact,
  'model-registry': modelRegistry,
  'plain-text': plainText,
  'strands-events': strandsEvents,
  'token-stream': tokenStream,
  'model-access-error': modelAccessError,
  'result-json': resultJson,
};

export type { AgentBehaviour, AgentReply, AgentTurn, SseFrame } from './types';
