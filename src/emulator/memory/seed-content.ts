/**
 * Demo content for seeded memories: conversations and long-term records that
 * read like the field reports in the seed documents (an SRE supervisor agent
 * whose users Alice and Carol want different report styles). Pure data; the
 * store decides ids and timestamps.
 */

export interface SeedTurn {
  role: 'USER' | 'ASSISTANT';
  text: string;
}

export interface SeedSession {
  /** Stable suffix; the session id is derived from it. */
  key: string;
  turns: SeedTurn[];
  /** SUMMARIZATION record for this session. */
  summary: { topic: string; text: string };
}

export interface SeedActor {
  actorId: string;
  sessions: SeedSession[];
  /** USER_PREFERENCE records: JSON text as AgentCore's built-in strategy writes it. */
  preferences: Array<{ context: string; preference: string; categories: string[] }>;
  /** SEMANTIC (and CUSTOM) records: plain facts. */
  facts: string[];
}

export interface SeedTheme {
  name: string;
  actors: SeedActor[];
}

const SRE: SeedTheme = {
  name: 'sre',
  actors: [
    {
      actorId: 'alice',
      sessions: [
        {
          key: 'payment-latency',
          turns: [
            { role: 'USER', text: 'Investigate the p99 latency spike on payment-service in production since 14:00 UTC.' },
            {
              role: 'ASSISTANT',
              text: 'p99 latency on payment-service rose from 420 ms to 2.8 s at 14:03 UTC. The orders database shows connection pool saturation (50/50 per pod) and 312 "too many clients" errors. Correlated deploy: payment-service v2.14.0 at 13:58 UTC raised worker threads from 8 to 32.',
            },
            { role: 'USER', text: 'Show me the kubectl commands to confirm and roll back.' },
            {
              role: 'ASSISTANT',
              text: 'kubectl -n production rollout history deploy/payment-service, then kubectl -n production rollout undo deploy/payment-service --to-revision=41. Watch kubectl -n production get pods -l app=payment-service -w until 6/6 are Ready.',
            },
          ],
          summary: {
            topic: 'Payment service latency',
            text: 'p99 latency on payment-service spiked to 2.8 s after deploy v2.14.0 raised worker threads; Aurora connection pool saturated. Rollback to revision 41 recommended with kubectl rollout undo.',
          },
        },
        {
          key: 'staging-crashloop',
          turns: [
            { role: 'USER', text: 'Why are the checkout pods in staging in CrashLoopBackOff?' },
            {
              role: 'ASSISTANT',
              text: 'checkout-7c9f4 pods are OOMKilled: the container limit is 512Mi (namespace LimitRange) and heap usage peaks at 610Mi during cache warm-up. Raise the limit to 768Mi or cap the JVM heap with -Xmx384m.',
            },
          ],
          summary: {
            topic: 'Checkout crash loop',
            text: 'checkout pods in staging OOMKilled at the 512Mi LimitRange during cache warm-up; fix is a 768Mi limit or -Xmx384m.',
          },
        },
        {
          key: 'disk-pressure',
          turns: [
            { role: 'USER', text: 'Node ip-10-0-3-17 reports DiskPressure. What is filling the disk?' },
            {
              role: 'ASSISTANT',
              text: 'Container logs under /var/log/pods take 41 GiB; the log-shipper DaemonSet on that node has been failing since 02:10 UTC, so rotation stopped. Restart the log-shipper pod and the kubelet will reclaim space.',
            },
          ],
          summary: {
            topic: 'Node disk pressure',
            text: 'DiskPressure on ip-10-0-3-17 caused by unrotated pod logs after the log-shipper DaemonSet failed at 02:10 UTC; restart log-shipper.',
          },
        },
      ],
      preferences: [
        {
          context: 'Asked for kubectl commands after every diagnosis',
          preference: 'Prefers detailed technical reports with exact kubectl commands and log excerpts',
          categories: ['reporting', 'technical'],
        },
        {
          context: 'Mentioned on-call routing during the latency incident',
          preference: 'Escalate P1 incidents to the #sre-oncall Slack channel and page via PagerDuty',
          categories: ['escalation', 'communication'],
        },
        { context: 'Works from Berlin', preference: 'Use UTC timestamps in all reports', categories: ['formatting'] },
      ],
      facts: [
        'payment-service runs 6 replicas in the production EKS cluster prod-use1 behind an ALB; the HPA scales at 70% CPU.',
        'The orders database is Aurora PostgreSQL (db.r6g.2xlarge) with max_connections 1000 and a pool of 50 connections per pod.',
        'The staging namespace has a LimitRange of 512Mi memory per container.',
        'Logs are shipped by the log-shipper DaemonSet to CloudWatch log group /eks/prod-use1/application.',
      ],
    },
    {
      actorId: 'carol',
      sessions: [
        {
          key: 'weekly-review',
          turns: [
            { role: 'USER', text: 'Give me the weekly reliability summary for the leadership review.' },
            {
              role: 'ASSISTANT',
              text: 'Availability 99.94% (target 99.9%). Two incidents: payment latency (38 min, ~1,200 delayed checkouts) and a staging crash loop (no customer impact). Error budget remaining: 61%.',
            },
          ],
          summary: {
            topic: 'Weekly reliability review',
            text: 'Availability 99.94% against a 99.9% target; two incidents, one customer-facing (payment latency, 38 minutes); 61% error budget left.',
          },
        },
        {
          key: 'cost-anomaly',
          turns: [
            { role: 'USER', text: 'Our NAT gateway bill doubled this month. What changed?' },
            {
              role: 'ASSISTANT',
              text: 'NAT data processing rose from 4.1 TB to 9.6 TB. The new image-resizer service pulls from S3 through the NAT instead of the S3 gateway endpoint. Adding the VPC endpoint route to private subnets saves about $240 per month.',
            },
          ],
          summary: {
            topic: 'NAT gateway cost',
            text: 'NAT gateway cost doubled because image-resizer reaches S3 through NAT; an S3 gateway endpoint route saves about $240/month.',
          },
        },
      ],
      preferences: [
        {
          context: 'Preparing leadership reviews',
          preference: 'Prefers executive summaries that lead with business impact, then one line of technical cause',
          categories: ['reporting', 'communication'],
        },
        { context: 'Based in Seattle', preference: 'Wants reports before 09:00 US/Pacific', categories: ['scheduling'] },
      ],
      facts: [
        'The availability SLO for customer-facing services is 99.9% per 30 days.',
        'Private subnets in vpc-prod route S3 traffic through a NAT gateway unless the S3 gateway endpoint route is present.',
      ],
    },
  ],
};

const ASSISTANT: SeedTheme = {
  name: 'assistant',
  actors: [
    {
      actorId: 'user-001',
      sessions: [
        {
          key: 'onboarding',
          turns: [
            { role: 'USER', text: 'I am new to the team. Which region do we deploy to?' },
            {
              role: 'ASSISTANT',
              text: 'Production runs in us-east-1 with a warm standby in us-west-2. Deployments go through the CodePipeline "release" pipeline with a manual approval before production.',
            },
          ],
          summary: {
            topic: 'Onboarding',
            text: 'New team member learned production is us-east-1 with a us-west-2 standby, deployed by the release pipeline with manual approval.',
          },
        },
        {
          key: 'quota',
          turns: [
            { role: 'USER', text: 'I keep getting ThrottlingException from Bedrock. Can you help?' },
            {
              role: 'ASSISTANT',
              text: 'The account uses on-demand throughput for Claude Sonnet in us-east-1. Retries with exponential backoff are in place; request a quota increase for tokens per minute if throttling continues above 2% of calls.',
            },
          ],
          summary: {
            topic: 'Bedrock throttling',
            text: 'ThrottlingException from Bedrock on-demand throughput; backoff in place, quota increase suggested above 2% throttled calls.',
          },
        },
      ],
      preferences: [{ context: 'Asked for short answers', preference: 'Prefers concise answers with links to runbooks', categories: ['communication'] }],
      facts: [
        'Production runs in us-east-1 with a warm standby in us-west-2.',
        'Cross-region inference profiles (us.*) work without extra IAM changes; global.* profiles need explicit permissions.',
      ],
    },
    {
      actorId: 'user-002',
      sessions: [
        {
          key: 'report',
          turns: [
            { role: 'USER', text: 'Summarise yesterday’s failed invocations.' },
            { role: 'ASSISTANT', text: '14 failed invocations: 9 RuntimeClientError from a malformed payload, 5 throttled during the 15:00 UTC peak.' },
          ],
          summary: { topic: 'Failed invocations', text: '14 failed invocations yesterday: 9 malformed payloads, 5 throttled at the 15:00 UTC peak.' },
        },
      ],
      preferences: [{ context: 'Reads reports on mobile', preference: 'Prefers bullet lists over tables', categories: ['formatting'] }],
      facts: ['Agent payloads must be JSON objects with a "prompt" field.'],
    },
  ],
};

const COACH: SeedTheme = {
  name: 'coach',
  actors: [
    {
      actorId: 'athlete-jordan',
      sessions: [
        {
          key: 'weekly-checkin',
          turns: [
            { role: 'USER', text: 'Week 6 check-in: ran 32 km, left knee felt tight after the long run.' },
            {
              role: 'ASSISTANT',
              text: 'Good volume. Keep next week at 30 km, swap Thursday intervals for an easy 6 km, and add two sessions of glute bridges and step-downs for the knee.',
            },
          ],
          summary: {
            topic: 'Week 6 check-in',
            text: 'Ran 32 km; left knee tight after the long run. Plan: hold at 30 km, replace intervals with easy running, add knee stability work.',
          },
        },
        {
          key: 'race-plan',
          turns: [
            { role: 'USER', text: 'Can you plan my taper for the half marathon on March 14?' },
            {
              role: 'ASSISTANT',
              text: 'Two-week taper: 24 km then 16 km, keep one short tempo each week, carb-load from Thursday, race-pace target 5:05 per km.',
            },
          ],
          summary: {
            topic: 'Half marathon taper',
            text: 'Two-week taper to the March 14 half marathon: 24 km then 16 km, one tempo per week, target 5:05/km.',
          },
        },
      ],
      preferences: [
        { context: 'Training schedule', preference: 'Trains on Tuesday, Thursday and Sunday mornings', categories: ['schedule'] },
        { context: 'Diet', preference: 'Vegetarian; avoids whey protein', categories: ['nutrition'] },
      ],
      facts: ['Jordan is training for a half marathon on March 14 with a goal of 1:47.', 'Jordan had a left knee strain in 2025.'],
    },
    {
      actorId: 'athlete-sam',
      sessions: [
        {
          key: 'strength-block',
          turns: [
            { role: 'USER', text: 'I only have dumbbells at home. Build me a 3-day strength block.' },
            {
              role: 'ASSISTANT',
              text: 'Day A: goblet squat, single-arm row, push-ups. Day B: Romanian deadlift, overhead press, split squat. Day C: circuits. Add 2 reps per week before adding weight.',
            },
          ],
          summary: { topic: 'Home strength block', text: 'Three-day dumbbell strength block with double progression (reps, then weight).' },
        },
      ],
      preferences: [{ context: 'Equipment', preference: 'Home workouts with dumbbells up to 20 kg only', categories: ['equipment'] }],
      facts: ['Sam trains at home with adjustable dumbbells up to 20 kg.'],
    },
  ],
};

const LLMOPS: SeedTheme = {
  name: 'llmops',
  actors: [
    {
      actorId: 'ds-priya',
      sessions: [
        {
          key: 'ner-training',
          turns: [
            { role: 'USER', text: 'Train a NER model on the ciER dataset. Budget $10, one hour, F1 above 85%.' },
            {
              role: 'ASSISTANT',
              text: 'Launched LoRA fine-tuning of deberta-v3-base on ml.g5.xlarge spot. Result: F1 87.3%, cost $4.20, 42 minutes. Endpoint ner-ciER-v1 is InService.',
            },
          ],
          summary: {
            topic: 'ciER NER training',
            text: 'LoRA fine-tune of deberta-v3-base on spot ml.g5.xlarge reached F1 87.3% for $4.20 in 42 minutes; deployed as ner-ciER-v1.',
          },
        },
      ],
      preferences: [{ context: 'Cost control', preference: 'Always use spot instances for training jobs', categories: ['cost'] }],
      facts: [
        'The ciER dataset is in s3://ml-datasets/ciER/ with 12,400 labelled sentences.',
        'Endpoint ner-ciER-v1 serves the deberta-v3-base LoRA model on ml.g5.xlarge.',
      ],
    },
  ],
};

/** Pick demo content by the memory's name: the SRE supervisor gets Alice and Carol, the coach its athletes. */
export function themeFor(memoryName: string): SeedTheme {
  if (/sre|ops_?agent|incident|supervisor/i.test(memoryName) && !/llmops/i.test(memoryName)) return SRE;
  if (/coach|fitness|athlete/i.test(memoryName)) return COACH;
  if (/llmops|ml|sagemaker/i.test(memoryName)) return LLMOPS;
  return ASSISTANT;
}
