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
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiQueryKey } from '../../state/api-key';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notifyError } from '../../state/notifications';
import { useChat } from './chat-store';

export function BearerToken({ agentKey, oauthLikely }: { agentKey: string; oauthLikely: boolean }) {
  const queryClient = useQueryClient();
  const statusQuery = useApiQuery('chat.bearer.status', { agentKey });
  const status = statusQuery.data ?? null;
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const inputRef = useRef<InputProps.Ref>(null);
  const focusRequest = useChat((s) => s.bearerFocus);
  const firstRequest = useRef(focusRequest);

  useEffect(() => {
    if (focusRequest === firstRequest.current) return;
    setOpen(true);
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const setBearer = useApiMutation('chat.bearer.set', {
    onSuccess: (_result, input) => {
      setToken('');
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: apiQueryKey('chat.bearer.status', { agentKey: input.agentKey }) });
    },
    onError: (error, input) => notifyError(input.token === null ? 'Clear bearer token' : 'Save bearer token', error),
  });
  const saving = setBearer.isPending;
  const save = (value: string | null): void => setBearer.mutate({ agentKey, token: value });

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
