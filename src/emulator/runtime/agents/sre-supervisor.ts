/**
 * The SRE multi-agent supervisor (seed 000): routes a question to Kubernetes,
 * logs, metrics and runbooks specialists and answers `{"result": markdown}`
 * in the style the asking user prefers — alice wants commands and detail,
 * carol wants an executive summary (the personalisation the memory drives).
 */
import type { AgentBehaviour, AgentTurn } from './types';
import { intentOf, topicOf } from '../text';

type Intent = 'pods' | 'latency' | 'errors' | 'runbook' | 'capabilities' | 'general';

const INTENTS: Array<[Intent, RegExp]> = [
  ['capabilities', /capabilit|tools|what can you/i],
  ['pods', /pod|crash|restart|deploy|kube|k8s|node|oom/i],
  ['latency', /latenc|slow|p99|p95|response time|cpu|memory usage/i],
  ['errors', /error|5\d\d|fail|exception|log/i],
  ['runbook', /runbook|playbook|escalat|how (do|should)|procedure/i],
];

const SERVICES = ['payment-service', 'order-service', 'inventory-api', 'auth-gateway', 'notification-worker', 'search-indexer'];

export const sreSupervisor: AgentBehaviour = {
  jsonInput: true,
  reply(turn) {
    const text = render(turn);
    return { kind: 'json', body: { result: text }, text };
  },
};

function render(t: AgentTurn): string {
  const intent = intentOf(t.prompt, INTENTS, 'general');
  const svc = t.rng.pick(SERVICES);
  const exec = t.actorId === 'carol';
  const topic = topicOf(t.prompt);
  const sections: string[] = [];
  if (intent === 'capabilities') return capabilities(t);
  sections.push(`## 🔍 Investigation: ${topic}`);
  sections.push(`**Specialists consulted:** ${specialists(intent).join(', ')} · **Session turn:** ${t.turn}`);
  if (exec) {
    sections.push(
      `### Executive summary\n${t.rng.pick([
        `Customer-facing impact is **limited** — ${svc} is degraded in one of three availability zones and traffic has shifted to healthy replicas.`,
        `${svc} is **partially degraded**; checkout conversion dipped ~${t.rng.int(2, 9)}% over the last ${t.rng.int(15, 50)} minutes.`,
        `No customer-facing outage. ${svc} shows elevated error rates that the team can fix within the hour.`,
      ])}`,
    );
  }
  if (intent === 'pods' || intent === 'general') sections.push(podTable(t, svc));
  if (intent === 'latency' || intent === 'general') sections.push(latencyTable(t, svc));
  if (intent === 'errors') sections.push(logEvidence(t, svc));
  if (intent === 'runbook') sections.push(runbook(t, svc));
  sections.push(
    `### Recommended actions\n1. ${t.rng.pick([`Raise the memory limit of \`${svc}\` from 512Mi to 1Gi`, `Roll back \`${svc}\` to the previous image`, `Scale \`${svc}\` to ${t.rng.int(4, 8)} replicas`])}\n2. ${t.rng.pick(['Add an alert on heap usage above 85%', 'Open an incident ticket and page the owning team', 'Check the connection pool settings against the database max_connections'])}\n3. Re-run this investigation in 15 minutes to confirm recovery`,
  );
  if (!exec) {
    sections.push(
      '```bash\nkubectl -n production describe pod -l app=' + svc + '\nkubectl -n production logs deploy/' + svc + ' --since=30m | grep -i error\n```',
    );
  }
  sections.push(
    `_Formatted for ${t.actorId} using your saved preferences (${exec ? 'executive summary first, business impact' : 'technical detail, kubectl commands'})._`,
  );
  return sections.join('\n\n');
}

function specialists(intent: Intent): string[] {
  switch (intent) {
    case 'pods':
      return ['Kubernetes agent', 'Logs agent'];
    case 'latency':
      return ['Metrics agent', 'Kubernetes agent'];
    case 'errors':
      return ['Logs agent', 'Metrics agent'];
    case 'runbook':
      return ['Runbooks agent'];
    default:
      return ['Kubernetes agent', 'Logs agent', 'Metrics agent', 'Runbooks agent'];
  }
}

function podTable(t: AgentTurn, svc: string): string {
  const rows = [
    `| ${svc}-${t.rng.chars(5, 'abcdefghijklmnopqrstuvwxyz0123456789')} | production | CrashLoopBackOff | ${t.rng.int(6, 21)} | OOMKilled (limit 512Mi) |`,
    `| ${svc}-${t.rng.chars(5, 'abcdefghijklmnopqrstuvwxyz0123456789')} | production | Running | 0 | — |`,
    `| database-pod-${t.rng.chars(5, 'abcdefghijklmnopqrstuvwxyz0123456789')} | production | Running | ${t.rng.int(0, 2)} | CPU ${t.rng.int(70, 95)}% |`,
  ];
  return `### Kubernetes\n| Pod | Namespace | Status | Restarts | Signal |\n|---|---|---|---|---|\n${rows.join('\n')}`;
}

function latencyTable(t: AgentTurn, svc: string): string {
  const p50 = t.rng.int(80, 180);
  const p99 = p50 * t.rng.int(6, 14);
  return `### Metrics (last 30 min)\n| Metric | ${svc} | Baseline |\n|---|---:|---:|\n| p50 latency | ${p50} ms | ${Math.round(p50 * 0.8)} ms |\n| p99 latency | ${p99} ms | ${Math.round(p99 / 3)} ms |\n| Error rate | ${t.rng.int(2, 12)}.${t.rng.int(0, 9)}% | 0.3% |\n| CPU | ${t.rng.int(55, 97)}% | 40% |`;
}

function logEvidence(t: AgentTurn, svc: string): string {
  const ts = new Date(t.now - t.rng.int(60, 900) * 1000).toISOString();
  const line = t.rng.pick([
    `ERROR [${svc}] java.lang.OutOfMemoryError: Java heap space`,
    `ERROR [${svc}] HikariPool-1 - Connection is not available, request timed out after 30000ms`,
    `WARN  [${svc}] upstream connect error or disconnect/reset before headers. reset reason: connection timeout`,
  ]);
  return `### Log evidence\n\`\`\`\n${ts} ${line}\n${ts} ERROR [${svc}] request failed status=503 path=/api/v1/charge\n\`\`\`\nPattern seen **${t.rng.int(40, 400)}** times in the last 30 minutes, first at ${ts.slice(11, 19)} UTC.`;
}

function runbook(t: AgentTurn, svc: string): string {
  return `### Runbook: ${t.rng.pick(['Pod crash loop', 'Database connection exhaustion', 'High latency'])} (RB-${t.rng.int(100, 999)})\n1. Confirm the blast radius: \`kubectl get pods -n production -l app=${svc}\`\n2. Check recent deploys: \`kubectl rollout history deploy/${svc} -n production\`\n3. If a deploy in the last hour correlates, roll back: \`kubectl rollout undo deploy/${svc} -n production\`\n4. Escalate to the service owner after **15 minutes** without recovery (PagerDuty: *sre-oncall*)`;
}

function capabilities(t: AgentTurn): string {
  return `## Available capabilities\nI coordinate four specialist agents${t.runtime.memoryId ? ' and remember your preferences between sessions' : ''}:\n\n| Agent | Tools | Typical question |\n|---|---|---|\n| Kubernetes | get_pod_status, get_deployment_status, get_cluster_events | "Why is payment-service restarting?" |\n| Logs | search_logs, get_error_logs, analyze_log_patterns | "Show errors from the last hour" |\n| Metrics | get_performance_metrics, get_error_rates, analyze_trends | "Is latency above baseline?" |\n| Runbooks | search_runbooks, get_incident_playbook, get_escalation_procedures | "How do we handle DB connection exhaustion?" |\n\nModel: \`${t.runtime.modelId}\`. Ask me to investigate an alert and I will produce a report.`;
}
