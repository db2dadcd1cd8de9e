/**
 * Non-streaming demo agents: plain text (release notes, GDPR redaction),
 * `{"result": markdown}` agents, and one whose model call fails because the
 * account lacks Bedrock model access (seed 000) — the runtime answers 200
 * and the error is in the text, exactly what users see in the field.
 */
import type { AgentBehaviour, AgentTurn } from './types';
import { topicOf } from '../text';

export const plainText: AgentBehaviour = {
  jsonInput: false,
  reply(t) {
    const text = t.runtime.name.includes('gdpr') ? redaction(t) : releaseNotes(t);
    return { kind: 'text', text };
  },
};

export const resultJson: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const name = t.runtime.name;
    const text = name.includes('cloud_engineer')
      ? cloudEngineer(t)
      : name.includes('cost')
        ? costOptimizer(t)
        : name.includes('triage')
          ? triage(t)
          : generic(t);
    return { kind: 'json', body: { result: text }, text };
  },
};

export const MODEL_ACCESS_ERROR = "AccessDeniedException: You don't have access to the model with the specified model ID.";

export const modelAccessError: AgentBehaviour = {
  jsonInput: true,
  reply(t) {
    const text = `I couldn't complete that request — the model call failed.\n\n\`\`\`\nbotocore.errorfactory.${MODEL_ACCESS_ERROR}\n  operation: ConverseStream\n  modelId: ${t.runtime.modelId}\n\`\`\`\n\nCross-region \`global.\` inference profiles need extra IAM permissions; a \`us.\` profile usually works without changes.`;
    return { kind: 'json', body: { result: text, error: MODEL_ACCESS_ERROR }, text };
  },
};

function releaseNotes(t: AgentTurn): string {
  const v = `${t.rng.int(1, 4)}.${t.rng.int(0, 12)}.${t.rng.int(0, 9)}`;
  return `Release ${v} — ${topicOf(t.prompt)}\n\nHighlights\n  * ${t.rng.pick(['Faster cold starts for agent sessions', 'Streaming responses in the chat view', 'Per-session cost estimates'])}\n  * ${t.rng.pick(['Memory namespace browser', 'Retry with backoff on throttling', 'Dark mode for the console'])}\n\nFixes\n  * ${t.rng.pick(['Session ids shorter than 33 characters are rejected with a clear message', 'Log tail reconnects after network loss', 'Timestamps show in local time'])}\n\nUpgrade notes\n  No breaking changes. Restart running sessions to pick up the new image.\n`;
}

function redaction(t: AgentTurn): string {
  const found = (t.prompt.match(/[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s-]{7,}\d/g) ?? []).length;
  return `Redaction report\n\nPersonal data items found: ${found}\nCategories: ${found ? 'email address, phone number' : 'none detected'}\nLegal basis check: Art. 6(1)(f) legitimate interest — OK\n\nThe redacted transcript was stored under s3://support-transcripts-redacted/${t.sessionId.slice(0, 8)}/ (retention 30 days).\n`;
}

function cloudEngineer(t: AgentTurn): string {
  return `## ${topicOf(t.prompt)}\n\nHere is what I found in account **${t.runtime.accountId}** (${t.runtime.region}):\n\n| Resource | Count | Note |\n|---|---:|---|\n| EC2 instances (running) | ${t.rng.int(4, 40)} | ${t.rng.int(1, 5)} without tags |\n| S3 buckets | ${t.rng.int(10, 60)} | all block public access |\n| IAM roles unused > 90 days | ${t.rng.int(0, 9)} | candidates for removal |\n\n\`\`\`bash\naws ec2 describe-instances --filters Name=instance-state-name,Values=running \\\n  --query 'Reservations[].Instances[].[InstanceId,InstanceType,Tags]' --output table\n\`\`\`\n\n_Guardrail checks passed. Read-only actions only._`;
}

function costOptimizer(t: AgentTurn): string {
  return `### Savings opportunities (${topicOf(t.prompt)})\n\n| Resource | Type | Monthly cost | Action |\n|---|---|---:|---|\n| i-0${t.rng.chars(8, '0123456789abcdef')} | m5.2xlarge, CPU < 3% | $${t.rng.int(180, 290)} | Stop or downsize to m5.large |\n| vol-0${t.rng.chars(8, '0123456789abcdef')} | gp2 500 GiB, unattached | $50 | Snapshot and delete |\n| nat-0${t.rng.chars(8, '0123456789abcdef')} | NAT gateway, 2 GB/day | $${t.rng.int(32, 45)} | Use VPC endpoints |\n\n**Estimated savings:** $${t.rng.int(250, 400)}/month.`;
}

function triage(t: AgentTurn): string {
  const cat = t.rng.pick(['Billing', 'Bug report', 'Account access', 'Feature request']);
  return `**Category:** ${cat} · **Priority:** ${t.rng.pick(['P2', 'P3', 'P1'])} · **Sentiment:** ${t.rng.pick(['frustrated', 'neutral', 'positive'])}\n\n**Draft reply**\n> Hi there, thanks for reaching out about ${topicOf(t.prompt)}. I've passed this to our ${cat.toLowerCase()} team and you'll hear back within one business day.`;
}

function generic(t: AgentTurn): string {
  return `### ${topicOf(t.prompt)}\n\n- ${t.rng.pick(['Checked the latest data', 'Reviewed the context you gave me', 'Compared three options'])}\n- Recommended next step: ${t.rng.pick(['validate with a small test', 'share with the owning team', 'schedule a follow-up'])}\n\nLet me know if you want the details.`;
}
