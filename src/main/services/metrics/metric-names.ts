/**
 * Every CloudWatch name the console asks for, in one table: AgentCore's
 * namespace, metric names and the exact dimension sets they are published
 * with (a query matches only an identical set — docs/WIRE.md "CloudWatch
 * metrics"). A correction to AWS's names is a change here and nowhere else.
 */
import type { Dimension } from '@aws-sdk/client-cloudwatch';

export const NAMESPACE = 'AWS/Bedrock-AgentCore';

export const RUNTIME = {
  invocations: 'Invocations',
  throttles: 'Throttles',
  systemErrors: 'SystemErrors',
  userErrors: 'UserErrors',
  totalErrors: 'TotalErrors',
  latency: 'Latency',
  sessions: 'SessionCount',
  cpu: 'CPUUsed-vCPUHours',
  memory: 'MemoryUsed-GBHours',
} as const;

export const MEMORY = {
  invocations: 'Invocations',
  errors: 'Errors',
  throttles: 'Throttles',
  latency: 'Latency',
  records: 'CreationCount',
} as const;

/** Data-plane operations priced per call: new short-term events and retrievals. */
export const MEMORY_OPERATION = { events: 'CreateEvent', retrievals: 'RetrieveMemoryRecords' } as const;

export const GATEWAY = {
  invocations: 'Invocations',
  throttles: 'Throttles',
  systemErrors: 'SystemErrors',
  userErrors: 'UserErrors',
  latency: 'Latency',
} as const;

/** One runtime endpoint: `Service=AgentCore.Runtime`, `Resource=<runtime ARN>`, `Name=<agent>::<endpoint>`. */
export function runtimeEndpointDimensions(runtimeArn: string, agentName: string, endpoint: string): Dimension[] {
  return [
    { Name: 'Service', Value: 'AgentCore.Runtime' },
    { Name: 'Resource', Value: runtimeArn },
    { Name: 'Name', Value: `${agentName}::${endpoint}` },
  ];
}

/** One memory (all operations), or one of its operations. */
export function memoryDimensions(memoryArn: string, operation?: string): Dimension[] {
  return [...(operation ? [{ Name: 'Operation', Value: operation }] : []), { Name: 'Resource', Value: memoryArn }];
}

/** One gateway, all methods. */
export function gatewayDimensions(gatewayArn: string): Dimension[] {
  return [{ Name: 'Resource', Value: gatewayArn }];
}
