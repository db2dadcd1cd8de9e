/** Real SDK clients pointed at a started emulator, plus small readers for invoke responses. */
import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { BedrockAgentCoreClient, type InvokeAgentRuntimeCommandOutput } from '@aws-sdk/client-bedrock-agentcore';
import { EMULATOR_CREDENTIALS, type RunningEmulator } from '../../../src/emulator/index';

export interface ClientOptions {
  region?: string;
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function controlClient(emu: RunningEmulator, opts: ClientOptions = {}): BedrockAgentCoreControlClient {
  return new BedrockAgentCoreControlClient({
    endpoint: emu.url,
    region: opts.region ?? 'us-east-1',
    credentials: opts.credentials ?? EMULATOR_CREDENTIALS,
    maxAttempts: opts.maxAttempts ?? 1,
  });
}

export function dataClient(emu: RunningEmulator, opts: ClientOptions = {}): BedrockAgentCoreClient {
  return new BedrockAgentCoreClient({
    endpoint: emu.url,
    region: opts.region ?? 'us-east-1',
    credentials: opts.credentials ?? EMULATOR_CREDENTIALS,
    maxAttempts: opts.maxAttempts ?? 1,
  });
}

export async function readBody(out: InvokeAgentRuntimeCommandOutput): Promise<string> {
  return (await out.response?.transformToString()) ?? '';
}

/** `data:` payloads of an SSE body, JSON-parsed where possible. */
export function sseData(body: string): unknown[] {
  return body
    .split('\n\n')
    .map((frame) =>
      frame
        .split('\n')
        .find((l) => l.startsWith('data: '))
        ?.slice(6),
    )
    .filter((d): d is string => d !== undefined)
    .map((d) => {
      try {
        return JSON.parse(d) as unknown;
      } catch {
        return d;
      }
    });
}

export const SESSION = 'console-session-0001-aaaaaaaaaaaaaaaaaaaaaaaa';

export const payload = (obj: unknown): Uint8Array => Buffer.from(JSON.stringify(obj));

/** An Authorization header that passes the emulator's SigV4 presence check (raw fetch tests). */
export function fakeSigV4(region = 'us-east-1', key: string = EMULATOR_CREDENTIALS.accessKeyId): string {
  return `AWS4-HMAC-SHA256 Credential=${key}/20260101/${region}/bedrock-agentcore/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`;
}
