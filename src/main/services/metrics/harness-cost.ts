/**
 * A managed harness's model cost, from the only token counts the console
 * has for it: the usage every InvokeHarness turn reported in its metadata
 * event, stored with the reply in chat. So the figure covers this console's
 * chats, not other callers — and says so — priced per model from the price
 * table like an agent runtime's span tokens.
 */
import { GetHarnessCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { ApiError } from '../../../shared/errors';
import { RANGE_PRESET_MS, type HarnessCost, type MetricRange } from '../../../shared/metrics';
import type { ClientFactory } from '../aws/clients';
import { breakdown } from '../cost/cost-lines';
import { modelCostGap, modelUsages } from '../cost/model-cost';
import type { FleetService } from '../fleet/fleet-service';
import type { Db } from '../store/database';
import type { MetricsDeps } from './metrics-deps';

interface UsageRow {
  turns: number;
  input: number | null;
  output: number | null;
}

export interface HarnessCostDeps {
  db: Db;
  clients: Pick<ClientFactory, 'forCell'>;
  fleet: Pick<FleetService, 'find'>;
  prices: MetricsDeps['prices'];
  clock: () => number;
}

export async function harnessCost(deps: HarnessCostDeps, input: { key: string; range: MetricRange }): Promise<HarnessCost> {
  const resource = deps.fleet.find(input.key);
  if (!resource || resource.kind !== 'harness') throw new ApiError('not_found', `No harness ${input.key} in the fleet. Refresh the fleet.`);
  const now = deps.clock();
  const [startTime, endTime] = 'preset' in input.range ? [now - RANGE_PRESET_MS[input.range.preset], now] : [input.range.startTime, input.range.endTime];
  const usage = deps.db
    .prepare<[string, number, number], UsageRow>(
      `SELECT count(*) AS turns,
              sum(json_extract(m.meta, '$.metrics.usage.inputTokens')) AS input,
              sum(json_extract(m.meta, '$.metrics.usage.outputTokens')) AS output
         FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
        WHERE s.agent_key = ? AND m.role = 'assistant' AND m.created_at >= ? AND m.created_at < ?
          AND json_extract(m.meta, '$.metrics.usage') IS NOT NULL`,
    )
    .get(input.key, startTime, endTime) ?? { turns: 0, input: null, output: null };
  const { harness } = await deps.clients.forCell(resource.profile, resource.region).control.send(new GetHarnessCommand({ harnessId: resource.id }));
  const model =
    harness?.model?.bedrockModelConfig?.modelId ??
    harness?.model?.openAiModelConfig?.modelId ??
    harness?.model?.geminiModelConfig?.modelId ??
    harness?.model?.liteLlmModelConfig?.modelId;
  const notices: string[] = [];
  if (!model) notices.push('Model cost not included: the harness names no model id');
  else if (usage.turns === 0) notices.push(modelCostGap(resource.name, 'none', `no replies from ${resource.name} in this console’s chats in this range`));
  const models = model && usage.turns > 0 ? [{ model, calls: usage.turns, inputTokens: usage.input ?? 0, outputTokens: usage.output ?? 0 }] : [];
  const cost = breakdown(modelUsages(models, `${resource.name}, this console’s chats`), deps.prices(), notices);
  return {
    key: input.key,
    startTime,
    endTime,
    ...(model ? { model } : {}),
    turns: usage.turns,
    inputTokens: usage.input ?? 0,
    outputTokens: usage.output ?? 0,
    cost,
  };
}
