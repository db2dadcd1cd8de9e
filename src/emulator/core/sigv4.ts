/**
 * SigV4 scope check. By default we don't recompute signatures (like LocalStack
 * and moto, any well-formed key works); we parse the credential scope to learn
 * the caller's region and key, which is what makes per-region fleets and
 * credential faults possible, and check it names the route's service so a
 * client configured for the wrong service fails here as it would on AWS.
 */
import type { EmulatedService } from './types';

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/** us-east-1, eu-central-1, us-gov-west-1, cn-north-1 … */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The SigV4 signing name each service's SDK client puts in the scope (docs/WIRE.md); undefined = unsigned. */
export const SIGNING_NAME: Record<EmulatedService, string | undefined> = {
  'agentcore-control': 'bedrock-agentcore',
  agentcore: 'bedrock-agentcore',
  logs: 'logs',
  monitoring: 'monitoring',
  'sso-oidc': undefined,
  sso: undefined,
};

export function parseAuthorization(header: string | undefined): SigV4Scope | 'missing' | 'malformed' | 'bearer' {
  if (!header) return 'missing';
  if (/^Bearer\s+\S/i.test(header)) return 'bearer';
  if (!header.startsWith('AWS4-HMAC-SHA256 ')) return 'malformed';
  const m = SCOPE.exec(header);
  if (!m || !/SignedHeaders=/.test(header) || !/Signature=[0-9a-f]+/.test(header)) return 'malformed';
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! };
}

/** Why a well-formed scope does not fit the route (AWS's own wording), or undefined when it does. */
export function scopeProblem(scope: SigV4Scope, service: EmulatedService): string | undefined {
  const expected = SIGNING_NAME[service];
  if (expected && scope.service !== expected) return `Credential should be scoped to correct service: '${expected}'. `;
  if (!REGION.test(scope.region)) return 'Credential should be scoped to a valid region. ';
  return undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)/i.exec(header) : null;
  return m?.[1];
}
