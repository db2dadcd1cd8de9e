/**
 * A managed agent harness's sections: its model, prompt, tools, skills and
 * memory (names and locations only — keys and credentials stay in AWS and
 * in main), its endpoints, and the model cost of its replies in this
 * console's chats. Versions share the runtime's table.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { HarnessDetail } from '../../../../../shared/fleet';
import { Identifier } from '../../../components/identifier';
import { statusIndicatorType, versionLabel } from '../resource-format';
import { CostPanel } from '../../metrics/cost-panel';
import { useApiQuery } from '../../../state/api-query';
import { dash } from './overview-container';
import { RedactedText } from '../../../components/redacted-text';

const list = (items: readonly string[]) => (items.length ? items.join(', ') : dash);

export function HarnessConfiguration({ detail }: { detail: HarnessDetail }) {
  const model = detail.model;
  return (
    <div data-testid="detail-harness-configuration">
      <Container header={<Header variant="h2">Configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Model provider', value: model?.provider ?? dash },
            { label: 'Model', value: model?.modelId ? <Box variant="code">{model.modelId}</Box> : dash },
            { label: 'Max tokens', value: model?.maxTokens ?? detail.maxTokens ?? dash },
            { label: 'Temperature', value: model?.temperature ?? dash },
            { label: 'Max iterations', value: detail.maxIterations ?? dash },
            { label: 'Turn timeout', value: detail.timeoutSeconds !== undefined ? `${detail.timeoutSeconds} s` : dash },
            { label: 'Memory', value: detail.memory ?? 'None' },
            { label: 'Skills', value: list(detail.skills) },
            { label: 'Allowed tools', value: list(detail.allowedTools) },
            { label: 'Execution role', value: detail.executionRoleArn ? <Identifier kind="arn" value={detail.executionRoleArn} copy name="Role ARN" /> : dash },
            { label: 'Environment variables', value: list(detail.environmentVariableNames) },
          ]}
        />
        {detail.systemPrompt && (
          <ExpandableSection headerText="System prompt" variant="footer">
            <pre className="detail-prompt">{detail.systemPrompt}</pre>
          </ExpandableSection>
        )}
      </Container>
    </div>
  );
}

export function HarnessTools({ tools }: { tools: HarnessDetail['tools'] }) {
  return (
    <div data-testid="detail-harness-tools">
      <Table
        variant="container"
        header={<Header counter={`(${tools.length})`}>Tools</Header>}
        items={tools}
        trackBy="name"
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (t) => t.name },
          { id: 'type', header: 'Type', cell: (t) => t.type },
        ]}
        empty={<Box color="text-body-secondary">This harness uses no tools.</Box>}
      />
    </div>
  );
}

export function HarnessEndpoints({ endpoints }: { endpoints: HarnessDetail['endpoints'] }) {
  return (
    <div data-testid="detail-endpoints">
      <Table
        variant="container"
        header={<Header counter={`(${endpoints.length})`}>Endpoints</Header>}
        items={endpoints}
        trackBy="name"
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (e) => e.name },
          { id: 'status', header: 'Status', cell: (e) => <StatusIndicator type={statusIndicatorType(e.status)}>{e.status}</StatusIndicator> },
          { id: 'live', header: 'Live version', cell: (e) => (e.liveVersion ? versionLabel(e.liveVersion) : dash) },
          { id: 'target', header: 'Target version', cell: (e) => (e.targetVersion ? versionLabel(e.targetVersion) : dash) },
          { id: 'description', header: 'Description', cell: (e) => e.description ?? dash },
        ]}
        empty={<Box color="text-body-secondary">No endpoints: the harness is invoked at its latest version.</Box>}
      />
    </div>
  );
}

/** Model cost of the harness's replies in this console's chats over the last week (the only token counts the console sees). */
export function HarnessCostPanel({ harnessKey }: { harnessKey: string }) {
  // Re-read on every visit: a chat since the last one has added tokens.
  const query = useApiQuery('metrics.harness', { key: harnessKey, range: { preset: '7d' } }, { refetchOnMount: 'always' });
  if (query.error)
    return (
      <Box color="text-status-error" data-testid="detail-harness-cost-error">
        Model cost could not be read: <RedactedText text={query.error.message} />
      </Box>
    );
  if (!query.data) return null;
  const { turns, inputTokens, outputTokens } = query.data;
  return (
    <div data-testid="detail-harness-cost">
      <CostPanel
        cost={query.data.cost}
        title="Model cost, last 7 days"
        description={`From the token usage the harness reported to this console’s chats: ${turns.toLocaleString('en-US')} replies, ${inputTokens.toLocaleString('en-US')} input and ${outputTokens.toLocaleString('en-US')} output tokens. Other callers’ use is not counted.`}
      />
    </div>
  );
}
