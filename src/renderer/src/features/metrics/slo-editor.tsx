/** Editing an agent's SLO thresholds: two numbers, checked here as main will check them, errors at the fields they concern. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { SloThresholds } from '../../../../shared/metrics';
import { useSloSet } from './metrics-api';
import { errorRateError, p99Error } from './slo-checks';
import { RedactedText } from '../../components/redacted-text';

export function SloEditor({ agentKey, agentName, slo, onClose }: { agentKey: string; agentName: string; slo: SloThresholds; onClose: () => void }) {
  const [errorRate, setErrorRate] = useState(String(slo.errorRatePct));
  const [p99, setP99] = useState(String(slo.p99Ms));
  const [touched, setTouched] = useState(false);
  const save = useSloSet();
  const errors = { errorRate: errorRateError(errorRate), p99: p99Error(p99) };
  const submit = () => {
    setTouched(true);
    if (errors.errorRate || errors.p99) return;
    save.mutate({ agentKey, slo: { errorRatePct: Number(errorRate), p99Ms: Number(p99) } }, { onSuccess: onClose });
  };
  const fieldError = (message: string | undefined) => (touched ? message : undefined);
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`SLO thresholds of ${agentName}`}
      data-testid="metrics-slo-editor"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => save.mutate({ agentKey, slo: null }, { onSuccess: onClose })} disabled={save.isPending}>
              Restore defaults
            </Button>
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="metrics-slo-save">
              Save
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Form errorText={save.error ? <RedactedText text={save.error.message} /> : undefined}>
          <SpaceBetween size="m">
            <FormField label="Error rate" description="Errors ÷ invocations over a period, in percent." errorText={fieldError(errors.errorRate)}>
              <Input type="number" inputMode="decimal" value={errorRate} onChange={(e) => setErrorRate(e.detail.value)} ariaLabel="Error rate threshold (%)" />
            </FormField>
            <FormField label="p99 latency" description="In milliseconds." errorText={fieldError(errors.p99)}>
              <Input type="number" inputMode="numeric" value={p99} onChange={(e) => setP99(e.detail.value)} ariaLabel="p99 latency threshold (ms)" />
            </FormField>
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}
