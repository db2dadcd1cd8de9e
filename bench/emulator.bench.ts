/**
 * The emulator as the console and the tests use it: control-plane list
 * latency through the real SDK client (against a raw-HTTP lower bound
 * measured in the same run), 200 concurrent streaming invocations, and
 * resident memory and start-up time at --scale 200 (in a child process).
 */
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import { promisify } from 'node:util';
import { BedrockAgentCoreControlClient, ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';
import { percentile, type Bench, type BenchResult } from './bench-types';

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

async function listLatency(): Promise<BenchResult[]> {
  const emu = await startEmulator({ fast: true, modules: [] });
  try {
    const client = new BedrockAgentCoreControlClient({ endpoint: emu.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const auth = `AWS4-HMAC-SHA256 Credential=${EMULATOR_CREDENTIALS.accessKeyId}/20260101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=00`;
    // Lower bound: the same request over a bare keep-alive socket, no signing, no SDK middleware.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const raw = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = request(`${emu.url}/runtimes/?maxResults=10`, { method: 'POST', agent, headers: { authorization: auth, 'content-length': '0' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
    const sdk = async (): Promise<void> => void (await client.send(new ListAgentRuntimesCommand({ maxResults: 10 })));
    const measure = async (fn: () => Promise<void>, n: number): Promise<number[]> => {
      for (let i = 0; i < 300; i++) await fn(); // warm up JIT and keep-alive sockets
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        samples.push(performance.now() - t);
      }
      return samples.sort((a, b) => a - b);
    };
    const sdkMs = await measure(sdk, 2000);
    const rawMs = await measure(raw, 2000);
    const p50 = percentile(sdkMs, 50);
    return [
      { metric: 'ListAgentRuntimes p50 (real SDK, loopback)', value: round(p50), unit: 'ms', target: '< 2', pass: p50 < 2 },
      { metric: 'ListAgentRuntimes p95 (real SDK)', value: round(percentile(sdkMs, 95)), unit: 'ms' },
      { metric: 'ListAgentRuntimes p50 (raw HTTP lower bound)', value: round(percentile(rawMs, 50)), unit: 'ms' },
      { metric: 'SDK / raw HTTP p50 ratio', value: round(p50 / percentile(rawMs, 50), 2), unit: '×' },
    ];
  } finally {
    await emu.close();
  }
}

async function concurrentStreams(): Promise<BenchResult[]> {
  const n = 200;
  // Realistic pacing scaled down 10× so the bench takes seconds, not minutes.
  const emu = await startEmulator({ timeScale: 0.1, coldStartSeconds: 0, modules: [] });
  try {
    const control = new BedrockAgentCoreControlClient({ endpoint: emu.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const arn = (await control.send(new ListAgentRuntimesCommand({ maxResults: 100 }))).agentRuntimes!.find(
      (r) => r.agentRuntimeName === 'strands_research_agent',
    )!.agentRuntimeArn!;
    // The SDK's default agent allows 50 sockets; the console raises it the same way for load tests.
    const client = new BedrockAgentCoreClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: n }) }),
    });
    const invoke = (session: string) =>
      client.send(
        new InvokeAgentRuntimeCommand({
          agentRuntimeArn: arn,
          payload: Buffer.from('{"prompt":"compare vector databases"}'),
          contentType: 'application/json',
          runtimeSessionId: session,
        }),
      );
    // Warm up JIT and sockets so the figure is steady-state, not first-call compilation.
    await Promise.all(Array.from({ length: 20 }, async (_, i) => (await invoke(`bench-warmup-${String(i).padStart(28, '0')}`)).response?.transformToString()));
    let errors = 0;
    let frames = 0;
    const firstByte: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        try {
          const t = performance.now();
          const out = await invoke(`bench-concurrent-${String(i).padStart(24, '0')}`);
          let first = true;
          for await (const chunk of out.response as AsyncIterable<Uint8Array>) {
            if (first) firstByte.push(performance.now() - t);
            first = false;
            frames += Buffer.from(chunk).toString('utf8').split('\n\n').length - 1;
          }
        } catch {
          errors++;
        }
      }),
    );
    const wall = performance.now() - t0;
    firstByte.sort((a, b) => a - b);
    return [
      { metric: `${n} concurrent streaming invocations: errors`, value: errors, unit: 'errors', target: '0', pass: errors === 0 },
      { metric: 'concurrent streams: wall time', value: round(wall, 0), unit: 'ms' },
      { metric: 'concurrent streams: SSE frames delivered', value: frames, unit: 'frames' },
      { metric: 'concurrent streams: time to first chunk p50 (client and server share one process)', value: round(percentile(firstByte, 50), 1), unit: 'ms' },
      { metric: 'concurrent streams: time to first chunk p95', value: round(percentile(firstByte, 95), 1), unit: 'ms' },
    ];
  } finally {
    await emu.close();
  }
}

async function scaleFootprint(): Promise<BenchResult[]> {
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
  const child = new URL('./emulator-rss.child.ts', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(tsx, [child, '200'], { env: { ...process.env, NODE_NO_WARNINGS: '1' }, maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as { rssMb: number; heapMb: number; runtimes: number; startMs: number };
  return [
    {
      metric: `RSS at --scale 200 (${r.runtimes} runtimes listed + 50 invocations, child process incl. SDK)`,
      value: round(r.rssMb, 1),
      unit: 'MB',
      target: '< 300',
      pass: r.rssMb < 300,
    },
    { metric: 'heap used at --scale 200', value: round(r.heapMb, 1), unit: 'MB' },
    { metric: 'startEmulator() at --scale 200', value: round(r.startMs, 1), unit: 'ms', target: '< 300', pass: r.startMs < 300 },
  ];
}

const bench: Bench = {
  name: 'emulator',
  async run() {
    return [...(await listLatency()), ...(await concurrentStreams()), ...(await scaleFootprint())];
  },
};

export default bench;
