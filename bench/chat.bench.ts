/**
 * The chat path's cost over a bare SDK loop, measured in one run against one
 * emulator, through the whole console path (chat module → stream hub → a
 * connection's transport, as a window would receive it): time to first token and total time for a streaming Strands agent
 * with realistic but fixed pacing (so both paths see the same token timing),
 * interleaved so drift hits both equally; medians reported. Plus opening a
 * 5,000-message transcript (chat.sessions.get) from a SQLite file.
 */
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';
import { ChatStore } from '../src/main/services/chat/chat-store';
import { startChatModuleRig } from '../test/integration/helpers/chat-module-rig';
import type { Bench } from './bench-types';
import { consolePath, interleaved, median, ratioResults, round, type Run } from './console-vs-sdk';
import { createCorpus } from './text-corpus';

const REGION = 'us-east-1';
const AGENT = 'strands_research_agent';
// Run-to-run jitter of a few ms (GC, timers) is the same size as the overhead measured: 16 interleaved runs keep medians stable.
const RUNS = Number(process.env.CHAT_BENCH_RUNS ?? 16);
const WARMUP = 3;

const bench: Bench = {
  name: 'chat (invoke path + transcript)',
  async run() {
    // Fixed 8 ms per token weight: a realistic stream whose timing is the same for both paths. Each path has its own
    // emulator with the same seed, and run i of each path uses the same runtime session id: the demo agent's reply
    // depends on the session, so this way both paths stream byte-identical replies (checked below).
    const pacing = { timeScale: 1, coldStartSeconds: 0, tokenMs: [8, 8] as [number, number] };
    const rig = await startChatModuleRig(pacing, REGION);
    const twin = await startEmulator(pacing);
    const { db } = rig;
    const runSessionId = (i: number): string => `bench-run-${i}`.padEnd(40, '0');
    const chat = rig.chat.service;
    const agentKey = rig.agentKey(AGENT);
    const runtime = { arn: twin.world.runtimes(REGION).find((r) => r.name === AGENT)?.arn ?? '' };
    const consoleRun = consolePath(rig, agentKey, 'research vector databases', runSessionId);

    const bare = new BedrockAgentCoreClient({ endpoint: twin.url, region: REGION, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 });
    const bareRun = async (i: number): Promise<Run> => {
      const t0 = performance.now();
      const out = await bare.send(
        new InvokeAgentRuntimeCommand({
          agentRuntimeArn: runtime.arn,
          runtimeSessionId: runSessionId(i),
          contentType: 'application/json',
          payload: new TextEncoder().encode('{"prompt":"research vector databases"}'),
        }),
      );
      let ttft = NaN;
      let bytes = 0;
      const decoder = new TextDecoder();
      for await (const chunk of out.response as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        // The first token is the first text delta (the stream opens with messageStart, which carries none).
        if (Number.isNaN(ttft) && decoder.decode(chunk, { stream: true }).includes('contentBlockDelta')) ttft = performance.now() - t0;
      }
      return { ttft, total: performance.now() - t0, bytes };
    };

    const samples = await interleaved(RUNS, WARMUP, { console: consoleRun, bare: bareRun });

    // A long transcript: 5,000 messages in one session, opened cold from the file.
    const store = new ChatStore(db);
    const long = chat.createSession({ agentKey, qualifier: 'DEFAULT' });
    const corpus = createCorpus(11);
    store.transaction(() => {
      for (let i = 0; i < 5_000; i++) {
        const assistant = i % 2 === 1;
        store.addMessage({
          sessionId: long.id,
          role: assistant ? 'assistant' : 'user',
          text: corpus.sentence(assistant ? 80 : 15),
          state: 'complete',
          createdAt: 1_700_000_000_000 + i * 1000,
          ...(assistant
            ? {
                meta: {
                  format: 'markdown' as const,
                  metrics: {
                    ttfbMs: 120,
                    totalMs: 2400,
                    bytes: 4000,
                    chunks: 60,
                    coldStart: false,
                    traceId: '1-abc-def',
                    httpStatus: 200,
                    contentType: 'text/event-stream',
                  },
                },
                raw: corpus.sentence(120),
              }
            : {}),
        });
      }
    });
    const openTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const { messages } = chat.getSession(long.id);
      openTimes.push(performance.now() - t0);
      if (messages.length !== 5_000) throw new Error(`expected 5000 messages, got ${messages.length}`);
    }

    bare.destroy();
    await rig.close();
    await twin.close();

    const openMs = median(openTimes);
    return [
      ...ratioResults(samples),
      { metric: 'open a 5,000-message transcript (chat.sessions.get, median of 5)', value: round(openMs), unit: 'ms', target: '< 300', pass: openMs < 300 },
    ];
  },
};
export default bench;
