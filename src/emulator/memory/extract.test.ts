import { describe, expect, it } from 'vitest';
import { extractRecord, preferenceOf, topicOf } from './extract';
import type { Strategy } from './namespaces';

const strategy = (type: Strategy['type']): Strategy => ({ strategyId: `s-${type}`, name: type, type, namespaces: [] });

describe('extractRecord', () => {
  const prompt = 'Check the orders database. I prefer answers with kubectl commands.';
  const reply = 'The orders database is healthy. Replication lag is 12 ms.';

  it('extracts a preference only when the user states one', () => {
    expect(preferenceOf(prompt)).toBe('Prefers answers with kubectl commands');
    expect(preferenceOf('Why is the pod crashing?')).toBeUndefined();
    const text = extractRecord(strategy('USER_PREFERENCE'), prompt, reply);
    expect(JSON.parse(text ?? '{}')).toMatchObject({ preference: 'Prefers answers with kubectl commands' });
    expect(extractRecord(strategy('USER_PREFERENCE'), 'Why is the pod crashing?', reply)).toBeUndefined();
  });

  it('writes the first reply sentence as a semantic fact', () => {
    expect(extractRecord(strategy('SEMANTIC'), prompt, reply)).toBe('The orders database is healthy.');
    expect(extractRecord(strategy('SEMANTIC'), prompt, '   ')).toBeUndefined();
  });

  it('reads prose out of markdown replies', () => {
    const md =
      '## Investigation\n\n| Pod | Status |\n|---|---|\n| a | ok |\n\n**Root cause:** the auth-gateway pods are OOMKilled. More text.\n\n```bash\nkubectl get pods\n```';
    expect(extractRecord(strategy('SEMANTIC'), prompt, md)).toBe('Root cause: the auth-gateway pods are OOMKilled.');
  });

  it('writes a topic summary', () => {
    expect(topicOf('Investigate the p99 latency spike on payment-service')).toBe('Investigate p99 latency spike');
    expect(extractRecord(strategy('SUMMARIZATION'), prompt, reply)).toMatch(
      /^<topic name="Check orders database[^"]*">\nUser asked: Check the orders database\. Agent answered: The orders database is healthy\.\n<\/topic>$/,
    );
  });
});
