/**
 * Starting a read-only share: how long, how many viewers, and where it
 * listens — this computer only (loopback) by default; a LAN address only
 * after the owner confirms what that exposes. Once started it shows the link
 * to hand out, with a copy button, and Stop.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import { SHARE_LIMITS, type ShareStatus } from '../../../../shared/share';
import { useIdentifierFormatter } from '../../components/identifier';
import { useApiQuery } from '../../state/api-query';
import { useRedact } from '../../state/presentation';
import { timeLeft, useNow, useStartShare, useStopShare } from './use-share';
import { RedactedText } from '../../components/redacted-text';

const DURATIONS: SelectProps.Option[] = [15, 30, 60, 120, 240, 480].map((minutes) => ({
  value: String(minutes),
  label: minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`,
}));

export const LAN_EXPOSURE =
  'Anyone on that network who has the link can see the fleet’s names, statuses, metrics, logs and traces (redacted) until the share expires or you stop it.';

export function ShareModal({ visible, status, onClose }: { visible: boolean; status: ShareStatus | undefined; onClose: () => void }) {
  return (
    <Modal visible={visible} onDismiss={onClose} header="Read-only share" closeAriaLabel="Close" data-testid="share-modal">
      {status?.active ? <ActiveShare status={status} /> : <StartShareForm onClose={onClose} />}
    </Modal>
  );
}

function ActiveShare({ status }: { status: ShareStatus }) {
  const stop = useStopShare();
  const redact = useRedact();
  const now = useNow();
  const url = status.url ?? '';
  return (
    <SpaceBetween size="m">
      <Box>Send this link to the people who should watch. It works until it expires or you stop it; a stopped link never works again.</Box>
      <FormField label="Share link">
        <div data-testid="share-url">
          <CopyToClipboard
            variant="inline"
            textToCopy={url}
            textToDisplay={redact(url)}
            copyButtonAriaLabel="Copy share link"
            copySuccessText="Share link copied"
            copyErrorText="The share link could not be copied"
          />
        </div>
      </FormField>
      <Box data-testid="share-summary">
        {status.viewers} of {status.maxViewers} viewers · {status.bind === 'lan' ? 'local network' : 'this computer only'}
        {status.expiresAt ? ` · expires in ${timeLeft(status.expiresAt, now)}` : ''}
      </Box>
      <Button onClick={() => stop.mutate({})} loading={stop.isPending} data-testid="share-stop">
        Stop sharing
      </Button>
    </SpaceBetween>
  );
}

function StartShareForm({ onClose }: { onClose: () => void }) {
  const start = useStartShare();
  const [duration, setDuration] = useState<SelectProps.Option>(DURATIONS[2] ?? { value: '60' });
  const [viewers, setViewers] = useState('10');
  const [where, setWhere] = useState<'loopback' | 'lan'>('loopback');
  const [address, setAddress] = useState<SelectProps.Option | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const interfaces = useApiQuery('share.interfaces', {}, { enabled: where === 'lan' });
  const formatId = useIdentifierFormatter();
  const options = useMemo<SelectProps.Option[]>(
    () => (interfaces.data ?? []).map((i) => ({ value: i.address, label: formatId('ip', i.address), description: i.name })),
    [interfaces.data, formatId],
  );
  const maxViewers = Number(viewers);
  const viewersValid = Number.isInteger(maxViewers) && maxViewers >= 1 && maxViewers <= SHARE_LIMITS.maxViewers;
  const lanReady = where === 'loopback' || (address?.value !== undefined && confirmed);

  const submit = (): void => {
    if (!viewersValid || !lanReady) return;
    start.mutate({
      minutes: Number(duration.value),
      maxViewers,
      bind: where === 'lan' && address?.value ? { kind: 'lan', address: address.value, confirmed: true } : { kind: 'loopback' },
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <SpaceBetween size="m">
        <Box>Viewers see the war room, fleet, metrics, logs and traces, with identifiers masked. They cannot chat, invoke, delete or change settings.</Box>
        <FormField label="Expires after">
          <Select selectedOption={duration} options={DURATIONS} onChange={(event) => setDuration(event.detail.selectedOption)} data-testid="share-duration" />
        </FormField>
        <FormField label="Viewers at most" errorText={viewersValid ? undefined : `Between 1 and ${SHARE_LIMITS.maxViewers}.`}>
          <Input type="number" inputMode="numeric" value={viewers} onChange={(event) => setViewers(event.detail.value)} data-testid="share-max-viewers" />
        </FormField>
        <FormField label="Who can reach it">
          <RadioGroup
            value={where}
            onChange={(event) => setWhere(event.detail.value === 'lan' ? 'lan' : 'loopback')}
            items={[
              { value: 'loopback', label: 'This computer only', description: 'Other browsers and screen-sharing tools on this machine.' },
              { value: 'lan', label: 'My local network', description: 'Other machines on a network this computer is on.' },
            ]}
            data-testid="share-where"
          />
        </FormField>
        {where === 'lan' && (
          <SpaceBetween size="s">
            <FormField label="Network address" errorText={interfaces.data?.length === 0 ? 'This computer has no network address besides loopback.' : undefined}>
              <Select
                selectedOption={address}
                options={options}
                statusType={interfaces.isPending ? 'loading' : 'finished'}
                placeholder="Choose an address"
                onChange={(event) => setAddress(event.detail.selectedOption)}
                data-testid="share-address"
              />
            </FormField>
            <Alert type="warning" header="This exposes the console to your network">
              {LAN_EXPOSURE}
            </Alert>
            <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.detail.checked)} data-testid="share-confirm-lan">
              I understand what this exposes
            </Checkbox>
          </SpaceBetween>
        )}
        {start.error && (
          <Alert type="error" header="The share did not start">
            <RedactedText text={start.error.message} />
          </Alert>
        )}
        <SpaceBetween direction="horizontal" size="xs">
          <Button formAction="none" variant="link" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!viewersValid || !lanReady} loading={start.isPending} data-testid="share-start">
            Start sharing
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </form>
  );
}
