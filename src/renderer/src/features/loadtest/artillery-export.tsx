/**
 * "Export to Artillery": the scenario as Artillery's test script and its
 * SigV4 processor, each downloadable, and how to run them — locally, or
 * distributed on the user's own AWS account — when one laptop is not enough.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { ExportedFile, Scenario } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { downloadText } from '../../lib/download';
import { useApiQuery } from '../../state/api-query';

const save = (file: ExportedFile): void => downloadText(file.fileName, file.mimeType, file.content);

function HowTo({ script, region }: { script: string; region: string }) {
  return (
    <SpaceBetween size="xs">
      <Box variant="h4">Run it</Box>
      <Box>
        Save the files in one folder and run <Box variant="code">npm install</Box> there (the processor’s two AWS SDK packages). The processor signs each
        InvokeAgentRuntime call with SigV4 from your usual AWS credentials (AWS_PROFILE or the environment); set AGENTCORE_ENDPOINT to aim it at another
        endpoint, such as a local emulator.
      </Box>
      <pre className="loadtest-code" data-testid="loadtest-artillery-command">{`artillery run ${script} --output report.json`}</pre>
      <Box>
        For a distributed run on your own AWS account, <Box variant="code">artillery run-fargate</Box> (or <Box variant="code">run-lambda</Box>) takes the same
        script:
      </Box>
      <pre className="loadtest-code">{`artillery run-fargate ${script} --region ${region} --count 10 --output report.json`}</pre>
      <Box>Bring report.json back with “Import Artillery report”: it is judged against the same acceptance table, row by row.</Box>
    </SpaceBetween>
  );
}

export function ArtilleryExportModal({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  const files = useApiQuery('loadtest.artilleryExport', { scenario });
  const script = files.data?.find((f) => /\.ya?ml$/i.test(f.fileName))?.fileName ?? 'script.yml';
  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header="Export to Artillery"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </Box>
      }
    >
      <div data-testid="loadtest-artillery">
        {files.isPending ? (
          <Spinner size="large" />
        ) : files.error ? (
          <Alert type="error" header="The Artillery script could not be built">
            <RedactedText text={files.error.message} />
          </Alert>
        ) : (
          <SpaceBetween size="l">
            <SpaceBetween direction="horizontal" size="s" alignItems="center">
              <Button variant="primary" iconName="download" onClick={() => files.data.forEach(save)} data-testid="loadtest-artillery-download-all">
                Download all {files.data.length} files
              </Button>
              <Box color="text-body-secondary">
                The same prompts, think time, a ramp phase per stage, and the acceptance table as Artillery <Box variant="code">ensure</Box> conditions.
              </Box>
            </SpaceBetween>
            {files.data.map((file) => (
              <SpaceBetween key={file.fileName} size="xs">
                <SpaceBetween direction="horizontal" size="s" alignItems="center">
                  <Button iconName="download" onClick={() => save(file)} data-testid="loadtest-artillery-download" ariaLabel={`Download ${file.fileName}`}>
                    {file.fileName}
                  </Button>
                  <Box variant="small" color="text-body-secondary">
                    {file.mimeType} · {Math.max(1, Math.round(file.content.length / 1024))} KB
                  </Box>
                </SpaceBetween>
                <ExpandableSection headerText={`Preview ${file.fileName}`}>
                  <pre className="loadtest-code loadtest-code--preview">{file.content}</pre>
                </ExpandableSection>
              </SpaceBetween>
            ))}
            <HowTo script={script} region={scenario.agentKey.split('|')[1] ?? 'us-east-1'} />
          </SpaceBetween>
        )}
      </div>
    </Modal>
  );
}
