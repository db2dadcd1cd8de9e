/**
 * Every metric the emulator publishes under `AWS/Bedrock-AgentCore`, with its
 * unit, how its samples are produced and the dimension sets it is published
 * with. CloudWatch matches a query only against an exact dimension set, so a
 * correction to AWS's published names is a one-line change here.
 * Sources: docs/WIRE.md and the AgentCore observability docs (runtime, gateway and
 * memory metric pages), checked 2026-11.
 */

export const NAMESPACE = 'AWS/Bedrock-AgentCore';
export const RUNTIME_SERVICE = 'AgentCore.Runtime';

export type Family = 'runtime' | 'gateway' | 'memory';

/**
 * How a metric's samples come from traffic:
 *  - count: one sample per active minute, the number of matching calls (so zeros appear while traffic flows)
 *  - perCall: one sample per call (latencies), so percentiles are over calls
 *  - gauge: one sample per minute (active sessions)
 */
export type SampleKind = 'count' | 'perCall' | 'gauge';

export interface MetricDef {
  family: Family;
  name: string;
  unit: 'Count' | 'Milliseconds' | 'None';
  kind: SampleKind;
}

export const METRICS: readonly MetricDef[] = [
  { family: 'runtime', name: 'Invocations', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'Throttles', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'SystemErrors', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'UserErrors', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'TotalErrors', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'Latency', unit: 'Milliseconds', kind: 'perCall' },
  { family: 'runtime', name: 'SessionCount', unit: 'Count', kind: 'count' },
  { family: 'runtime', name: 'ActiveSessionCount', unit: 'Count', kind: 'gauge' },
  { family: 'runtime', name: 'CPUUsed-vCPUHours', unit: 'None', kind: 'count' },
  { family: 'runtime', name: 'MemoryUsed-GBHours', unit: 'None', kind: 'count' },
  { family: 'gateway', name: 'Invocations', unit: 'Count', kind: 'count' },
  { family: 'gateway', name: 'Throttles', unit: 'Count', kind: 'count' },
  { family: 'gateway', name: 'SystemErrors', unit: 'Count', kind: 'count' },
  { family: 'gateway', name: 'UserErrors', unit: 'Count', kind: 'count' },
  { family: 'gateway', name: 'Latency', unit: 'Milliseconds', kind: 'perCall' },
  { family: 'gateway', name: 'Duration', unit: 'Milliseconds', kind: 'perCall' },
  { family: 'gateway', name: 'TargetExecutionTime', unit: 'Milliseconds', kind: 'perCall' },
  { family: 'memory', name: 'Latency', unit: 'Milliseconds', kind: 'perCall' },
  { family: 'memory', name: 'Invocations', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'SystemErrors', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'UserErrors', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'Errors', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'Throttles', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'CreationCount', unit: 'Count', kind: 'count' },
  { family: 'memory', name: 'NumberOfMemoryRecords', unit: 'Count', kind: 'count' },
];

/**
 * Published dimension sets per family (sorted names). Runtime: per endpoint
 * (`Name=<agent>::<endpoint>`), per runtime, and the service-wide aggregate.
 * Gateway: per MCP method (`Operation=InvokeGateway`, `Protocol=MCP`,
 * `Method=tools/list|tools/call`, `Name=<gateway name>`), and per gateway.
 * Memory: per data-plane operation and per memory.
 */
export const DIMENSION_SETS: Record<Family, string[][]> = {
  runtime: [['Name', 'Resource', 'Service'], ['Resource', 'Service'], ['Service']],
  gateway: [['Method', 'Name', 'Operation', 'Protocol', 'Resource'], ['Resource']],
  memory: [['Operation', 'Resource'], ['Resource']],
};

export const GATEWAY_METHODS = ['tools/list', 'tools/call'] as const;
export const GATEWAY_OPERATION = 'InvokeGateway';
export const GATEWAY_PROTOCOL = 'MCP';
export const MEMORY_OPERATIONS = ['CreateEvent', 'ListEvents', 'RetrieveMemoryRecords'] as const;

export function endpointDimensionName(runtimeName: string, endpointName: string): string {
  return `${runtimeName}::${endpointName}`;
}

/** Families that publish a metric of this name (Invocations exists in all three). */
export function familiesFor(metricName: string): Family[] {
  return METRICS.filter((m) => m.name === metricName).map((m) => m.family);
}

export function metricDef(family: Family, name: string): MetricDef | undefined {
  return METRICS.find((m) => m.family === family && m.name === name);
}
