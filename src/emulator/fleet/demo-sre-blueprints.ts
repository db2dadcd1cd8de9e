/** The SRE supervisor's memory and gateway, shared by the regions that run a copy of it. */
import type { GatewayBlueprint, MemoryBlueprint } from './blueprints';

export const sreMemory = (name: string): MemoryBlueprint => ({
  name,
  description: 'SRE agent long-term memory: user preferences, infrastructure knowledge, investigation summaries',
  ageDays: 41,
  expiryDays: 30,
  strategies: [
    {
      name: 'preferences',
      type: 'USER_PREFERENCE',
      namespace: '/users/{actorId}/preferences',
      description: 'Escalation contacts, report formats, notification channels',
    },
    {
      name: 'infrastructure',
      type: 'SEMANTIC',
      namespace: '/sre/infrastructure/{actorId}/{sessionId}',
      description: 'Cluster topology, services and dependencies learnt during investigations',
    },
    {
      name: 'investigations',
      type: 'SUMMARIZATION',
      namespace: '/sre/investigations/{actorId}/{sessionId}',
      description: 'Summaries of past incident investigations',
    },
  ],
});

export const sreGateway = (name: string): GatewayBlueprint => ({
  name,
  description: 'MCP gateway fronting the SRE backend APIs (Kubernetes, logs, metrics, runbooks)',
  ageDays: 40,
  authorizerType: 'CUSTOM_JWT',
  targets: [
    {
      name: 'k8s-api',
      description: 'Kubernetes read API (pods, deployments, events)',
      kind: 'openApi',
      location: 's3://sre-agent-specs/k8s_api.yaml',
      tools: ['get_pod_status', 'get_deployment_status', 'get_cluster_events', 'get_resource_usage', 'get_node_status'],
    },
    {
      name: 'logs-api',
      description: 'Application log search and error analysis',
      kind: 'openApi',
      location: 's3://sre-agent-specs/logs_api.yaml',
      tools: ['search_logs', 'get_error_logs', 'analyze_log_patterns', 'get_recent_logs', 'count_log_events'],
    },
    {
      name: 'metrics-api',
      description: 'Performance, availability and resource metrics',
      kind: 'openApi',
      location: 's3://sre-agent-specs/metrics_api.yaml',
      tools: ['get_performance_metrics', 'get_error_rates', 'get_resource_metrics', 'get_availability_metrics', 'analyze_trends'],
    },
    {
      name: 'runbooks-api',
      description: 'Incident playbooks and escalation procedures',
      kind: 'openApi',
      location: 's3://sre-agent-specs/runbooks_api.yaml',
      tools: ['search_runbooks', 'get_incident_playbook', 'get_troubleshooting_guide', 'get_escalation_procedures'],
    },
  ],
});
