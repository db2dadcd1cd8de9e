/** `#/loadtest?run=`: a running run's live view, which becomes its result view when the run ends; any stored run's result. */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Spinner from '@cloudscape-design/components/spinner';
import type { LoadRun } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { LiveView } from './live-view';
import { ResultView } from './result-view';
import { useLiveRun } from './use-live-run';

function FollowRun({ run }: { run: LoadRun }) {
  const { live, streamError } = useLiveRun(run);
  // The stream's `done` carries the stored run: the result shows at once, before the re-read lands.
  if (live.done) return <ResultView run={live.done} />;
  return <LiveView run={run} live={live} streamError={streamError} />;
}

export function RunView({ runId }: { runId: string }) {
  const query = useApiQuery('loadtest.run', { runId });
  if (query.data) return query.data.summary.status === 'running' ? <FollowRun key={runId} run={query.data} /> : <ResultView run={query.data} />;
  return (
    <ContentLayout
      header={
        <Header variant="h1" actions={<Button href={hrefFor('loadtest')}>All runs</Button>}>
          <span data-testid="page-loadtest">Load test run</span>
        </Header>
      }
    >
      {query.error ? (
        <Alert type="error" header="The run could not be read">
          <RedactedText text={query.error.message} />
        </Alert>
      ) : (
        <Spinner size="large" />
      )}
    </ContentLayout>
  );
}
