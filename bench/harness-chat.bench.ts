/**
 * Harness chat's cost over a bare SDK InvokeHarness loop, in one run: the
 * whole console path (chat module → stream hub → a connection's transport)
 * against the SDK iterating the same event stream, interleaved, against two
 * emulators with the same seed and fixed token pacing, run i of both paths on
 * the same runtime session id (so both stream the same reply; checked by
 * the events' size). Time to first token is the first text delta.
 */
import { BedrockAgentCoreClient, InvokeHarnessCommand } from '@aws-sdk/client-bedrock-agentcore';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';
import { HarnessReplyBuilder } from '../src/main/services/invoke/harness-reply';
import { startChatModuleRig } from '../test/integration/helpers/chat-module-rig';
import type { Bench } from './bench-types';
import { consolePath, interleaved, ratioResults, type Run } from './console-vs-sdk';

const REGION = 'us-east-1';
const HARNESS = 'sre_tools_harness';
const PROMPT = 'Is checkout-api healthy after the deploy?';
const RUNS = Number(process.env.CHAT_BENCH_RUNS ?? 16);
const WARMUP = 3;

const bench: Bench = {
  name: 'harness chat (InvokeHarness event stream)',
  async run() {
    const pacing = { timeScale: 1, coldStartSeconds: 0, tokenMs: [8, 8] as [number, number] };
    const rig = await startChatModuleRig(pacing, REGION);
    const twin = await startEmulator(pacing);
    const runSessionId = (i: number): string => `bench-harness-run-${i}`.padEnd(40, '0');
    const harnessOf = (emu: typeof twin) => emu.world.harnesses(REGION).find((h) => h.name === HARNESS);
    const own = harnessOf(rig.emu);
    const twinHarness = harnessOf(twin);
    if (!own || !twinHarness) throw new Error(`no demo harness ${HARNESS}`);
    const consoleRun = consolePath(rig, `demo|${REGION}|harness|${own.id}`, PROMPT, runSessionId);

    const bare = new BedrockAgentCoreClient({ endpoint: twin.url, region: REGION, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 });
    const bareRun = async (i: number): Promise<Run> => {
      const t0 = performance.now();
      const out = await bare.send(
        new InvokeHarnessCommand({
          harnessArn: twinHarness.arn,
          qualifier: 'DEFAULT',
          runtimeSessionId: runSessionId(i),
          messages: [{ role: 'user', content: [{ text: PROMPT }] }],
        }),
      );
      let ttft = NaN;
      let bytes = 0;
      for await (const event of out.stream ?? []) {
        bytes += HarnessReplyBuilder.sizeOf(event);
        if (Number.isNaN(ttft) && event.contentBlockDelta?.delta?.text) ttft = performance.now() - t0;
      }
      return { ttft, total: performance.now() - t0, bytes };
    };

    const samples = await interleaved(RUNS, WARMUP, { console: consoleRun, bare: bareRun });
    bare.destroy();
    await rig.close();
    await twin.close();
    return ratioResults(samples);
  },
};
export default bench;
