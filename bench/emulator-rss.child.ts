/**
 * Child process for the emulator bench: starts the emulator at a given scale,
 * touches every resource through the real SDK (so lazily generated items are
 * actually generated), runs some invocations, and prints its own RSS as JSON.
 * A separate process keeps the parent's heap out of the figure.
 */
import {
  BedrockAgentCoreControlClient,
  paginateListAgentRuntimes,
  paginateListGateways,
  paginateListMemories,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';

const scale = Number(process.argv[2] ?? 200);
const t0 = performance.now();
const emu = await startEmulator({ fast: true, scale });
const startMs = performance.now() - t0;
let runtimes = 0;
const arns: string[] = [];
for (const region of emu.regions) {
  const client = new BedrockAgentCoreControlClient({ endpoint: emu.url, region, credentials: EMULATOR_CREDENTIALS });
  for await (const page of paginateListAgentRuntimes({ client, pageSize: 100 }, {})) {
    for (const r of page.agentRuntimes ?? []) {
      runtimes++;
      if (r.agentRuntimeName?.startsWith('fleet_agent_') && arns.length < 50 && region === 'us-east-1') arns.push(r.agentRuntimeArn!);
    }
  }
  for await (const page of paginateListMemories({ client, pageSize: 100 }, {})) void page;
  for await (const page of paginateListGateways({ client, pageSize: 100 }, {})) void page;
}
const data = new BedrockAgentCoreClient({ endpoint: emu.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
for (const [i, arn] of arns.entries()) {
  const out = await data.send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: arn,
      payload: Buffer.from('{"prompt":"status report"}'),
      contentType: 'application/json',
      runtimeSessionId: `bench-rss-session-${String(i).padStart(20, '0')}`,
    }),
  );
  await out.response?.transformToString();
}
await emu.close();
process.stdout.write(
  JSON.stringify({ rssMb: process.memoryUsage().rss / 1048576, heapMb: process.memoryUsage().heapUsed / 1048576, runtimes, startMs }) + '\n',
);
