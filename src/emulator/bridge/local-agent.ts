/**
 * `--agent name=http://127.0.0.1:8080` (or https://): registers a runtime backed by a local
 * container. Its status follows `GET <url>/ping` (READY when Healthy or
 * HealthyBusy, UPDATE_FAILED with the reason otherwise), re-checked in the
 * background so the console sees the container come and go.
 */
import { agentRequest, describeAgentError } from './agent-http';
import type { World } from '../fleet/world';
import type { RuntimeSpec } from '../fleet/model';
import { resourceId, runtimeArn } from '../fleet/ids';

export interface LocalAgent {
  name: string;
  url: string;
  region?: string;
}

/** Parses `name=url`; names become valid runtime names (letters, digits, underscores). */
export function parseAgentFlag(value: string): LocalAgent {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--agent expects name=url, got '${value}'`);
  const name = value.slice(0, eq).replace(/[^A-Za-z0-9_]/g, '_');
  const url = value.slice(eq + 1);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--agent ${name}: '${url}' is not a URL (expected e.g. http://127.0.0.1:8080)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`--agent ${name}: '${url}' is not an http:// or https:// URL (a local agent container serves e.g. http://127.0.0.1:8080)`);
  if (!/^[A-Za-z]/.test(name)) throw new Error(`--agent name must start with a letter, got '${name}'`);
  return { name, url: url.replace(/\/+$/, '') };
}

export function pingAgent(url: string, timeoutMs = 1500): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const req = agentRequest(new URL('/ping', url), { method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c.slice(0, 4096)));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve({ ok: false, reason: `ping failed: HTTP ${res.statusCode}` });
        try {
          const status = (JSON.parse(body) as { status?: unknown }).status;
          if (status === 'Healthy' || status === 'HealthyBusy') return resolve({ ok: true });
          resolve({ ok: false, reason: `ping failed: status ${JSON.stringify(status)}` });
        } catch {
          resolve({ ok: false, reason: 'ping failed: response is not JSON' });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, reason: `ping failed: ${describeAgentError(err)}` }));
    req.end();
  });
}

export class LocalAgentBridge {
  private readonly specs: RuntimeSpec[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly world: World,
    agents: LocalAgent[],
    now: number,
  ) {
    for (const agent of agents) {
      const region = agent.region ?? 'us-east-1';
      const ctx = world.buildContext(region);
      const id = resourceId(world.seed, region, agent.name);
      const spec: RuntimeSpec = {
        id,
        arn: runtimeArn(region, world.accountId, id),
        name: agent.name,
        region,
        accountId: world.accountId,
        description: `Local agent bridged from ${agent.url}`,
        status: 'CREATING',
        createdAt: now,
        lastUpdatedAt: now,
        versions: [{ version: '1', createdAt: now, status: 'READY', description: 'Local container' }],
        endpoints: [
          {
            name: 'DEFAULT',
            id: `DEFAULT-${id.slice(-10)}`,
            liveVersion: '1',
            targetVersion: '1',
            status: 'READY',
            description: 'Local container',
            createdAt: now,
            lastUpdatedAt: now,
          },
        ],
        roleArn: `arn:aws:iam::${ctx.accountId}:role/local-agent`,
        containerUri: agent.url,
        serverProtocol: 'HTTP',
        networkMode: 'PUBLIC',
        environment: { AGENT_URL: agent.url },
        idleRuntimeSessionTimeout: 900,
        maxLifetime: 28800,
        modelId: 'local',
        behaviour: 'bridge',
        bridgeUrl: agent.url,
      };
      world.addRuntime(spec);
      this.specs.push(spec);
    }
  }

  /** Pings every bridged agent once and updates its status. */
  async refresh(): Promise<void> {
    await Promise.all(
      this.specs.map(async (spec) => {
        const result = await pingAgent(spec.bridgeUrl!);
        const status = result.ok ? 'READY' : 'UPDATE_FAILED';
        if (status !== spec.status) spec.lastUpdatedAt = Date.now();
        spec.status = status;
        if (result.ok) delete spec.failureReason;
        else spec.failureReason = result.reason;
      }),
    );
  }

  start(intervalMs = 10_000): void {
    if (this.specs.length === 0) return;
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
