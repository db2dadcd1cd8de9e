/**
 * Managed agent harnesses as the emulator models them: what the control plane
 * serves (GetHarness and friends) and what InvokeHarness needs to answer like
 * the harness it describes. Times are epoch ms; wire.ts converts.
 */

/** HarnessStatus / HarnessEndpointStatus of the SDK (both enums hold the same values). */
export type HarnessStatus = 'CREATING' | 'CREATE_FAILED' | 'READY' | 'UPDATING' | 'UPDATE_FAILED' | 'DELETING' | 'DELETE_FAILED';

/** How InvokeHarness answers (replies.ts). */
export type HarnessBehaviour = 'sre-tools' | 'faq' | 'model-access-denied';

export interface HarnessTool {
  name: string;
  description: string;
  /** JSON schema of the tool input, as the harness hands it to the model. */
  inputSchema: Record<string, unknown>;
}

export interface HarnessBlueprint {
  name: string;
  description: string;
  behaviour: HarnessBehaviour;
  modelId: string;
  systemPrompt: string;
  tools?: HarnessTool[];
  /** Skill folders mounted into the harness (`{path}` skills). */
  skills?: string[];
  /** Managed memory strategies; absent means memory disabled. */
  memoryStrategies?: Array<'SEMANTIC' | 'SUMMARIZATION' | 'USER_PREFERENCE' | 'EPISODIC'>;
  status?: HarnessStatus;
  failureReason?: string;
  versions: number;
  ageDays: number;
  updatedHoursAgo: number;
  /** Endpoints besides DEFAULT. */
  endpoints?: Array<{ name: string; live?: number; description: string; status?: HarnessStatus }>;
}

export interface HarnessVersion {
  version: string;
  createdAt: number;
  status: HarnessStatus;
}

export interface HarnessEndpointSpec {
  name: string;
  liveVersion: string;
  targetVersion: string;
  status: HarnessStatus;
  description: string;
  createdAt: number;
  updatedAt: number;
}

export interface HarnessSpec extends Omit<HarnessBlueprint, 'versions' | 'endpoints' | 'ageDays' | 'updatedHoursAgo' | 'status'> {
  id: string;
  arn: string;
  region: string;
  accountId: string;
  status: HarnessStatus;
  createdAt: number;
  updatedAt: number;
  /** Ascending; the last one is the latest. */
  versions: HarnessVersion[];
  endpoints: HarnessEndpointSpec[];
  executionRoleArn: string;
  /** The AgentCore Runtime the harness runs in (GetHarness `environment`). */
  runtimeId: string;
  runtimeArn: string;
  memoryArn?: string;
}

/** What tests and other modules see of a harness (`emu.world.harnesses(region)`). */
export interface HarnessView {
  id: string;
  arn: string;
  name: string;
  region: string;
  status: HarnessStatus;
}
