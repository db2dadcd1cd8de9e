/**
 * The bearer token of an OAuth (JWT) agent. The token goes to main and stays
 * there: this field is a password input that is cleared after saving, and only
 * the status (present, where it is kept) ever comes back.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Popover from '@cloudscape-design/components/popover';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { notifyError } from '../../state/notifications';
import { useChat } from './chat-store';

type Status = MethodOutput<'chat.bearer.status'>;

export function BearerToken({ agentKey, oauthLikely }: { agentKey: string; oauthLikely: boolean }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<InputProps.Ref>(null);
  const focusRequest = useChat((s) => s.bearerFocus);
  const firstRequest = useRef(focusRequest);

  const load = useCallback(() => {
    api.call('chat.bearer.status', { agentKey }).then(setStatus, () => setStatus(null));
  }, [agentKey]);
  useEffect(load, [load]);

  useEffect(() => {
    if (focusRequest === firstRequest.current) return;
    setOpen(true);
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const save = (value: string | null): void => {
    setSaving(true);
    api
      .call('chat.bearer.set', { agentKey, token: value })
      .then(() => {
        setToken('');
        setOpen(false);
        load();
      })
      .catch((error: unknown) => notifyError(value === null ? 'Clear bearer token' : 'Save bearer token', error))
      .finally(() => setSaving(false));
  };

  const where = status?.storage === 'encrypted' ? 'encrypted at rest' : status?.storage === 'memory' ? 'in memory only, until the console quits' : '';
  const label = status?.present ? (
    <StatusIndicator type="success">Bearer token set</StatusIndicator>
  ) : oauthLikely ? (
    <StatusIndicator type="warning">No bearer token</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">No bearer token</StatusIndicator>
  );

  return (
    <div className="chat-bearer" data-testid="chat-bearer">
      <Button variant="inline-link" onClick={() => setOpen((v) => !v)} ariaExpanded={open}>
        {label}
      </Button>
      <Popover
        triggerType="custom"
        size="large"
        header="OAuth bearer token"
        content={
          <Box variant="small">
            Agents with an OAuth (JWT) inbound authorizer reject SigV4; the console then calls them over HTTPS with “Authorization: Bearer &lt;token&gt;”. The
            token stays in the console’s main process{where ? `, ${where}` : ''}; it is never shown again.
          </Box>
        }
      >
        <Button variant="icon" iconName="status-info" ariaLabel="About bearer tokens" />
      </Popover>
      {open && (
        <div className="chat-bearer__form">
          <Input
            ref={inputRef}
            type="password"
            value={token}
            onChange={(e) => setToken(e.detail.value)}
            onKeyDown={(e) => {
              if (e.detail.key === 'Enter' && token.trim()) save(token.trim());
            }}
            placeholder={status?.present ? 'Paste a new token to replace it' : 'Paste an access token (JWT)'}
            ariaLabel="Bearer token"
            autoComplete={false}
            disableBrowserAutocorrect
            data-testid="chat-bearer-input"
          />
          <Button variant="primary" onClick={() => save(token.trim())} disabled={!token.trim()} loading={saving}>
            Save
          </Button>
          {status?.present && (
            <Button onClick={() => save(null)} disabled={saving}>
              Clear
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
