/**
 * The IAM Identity Center device sign-in, as a dialog: main opens the
 * verification page in the system browser; the person compares the code shown
 * here with the one in the browser and approves. Progress comes from
 * `auth.changed`, so the dialog closes itself once the sign-in lands.
 */
import './settings.css';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { memo, useEffect, useRef } from 'react';
import { useNow } from '../../lib/use-now';
import { formatCountdown } from './profile-format';
import { signInStore, useSignInState } from './sign-in-store';
import { isSignInActive, type SignInProgress } from './sign-in-state';
import { useOpenExternal } from '../../components/external-link';
import { useAppInfo } from '../../state/hooks';

function Body({ progress }: { progress: SignInProgress | undefined }) {
  const now = useNow(1000);
  const appInfo = useAppInfo();
  const openExternal = useOpenExternal();
  if (!progress || progress.phase === 'starting') return <StatusIndicator type="loading">Starting the sign-in…</StatusIndicator>;
  if (progress.phase === 'failed')
    return (
      <Alert type="error" header="Sign-in did not complete">
        {progress.error?.message ?? 'Sign-in failed.'}
        {progress.error?.code ? ` (${progress.error.code})` : ''}
      </Alert>
    );
  if (progress.phase === 'signed-in') return <StatusIndicator type="success">Signed in. Polling of this profile resumes now.</StatusIndicator>;
  if (progress.phase === 'cancelled' || progress.phase === 'signed-out') return <StatusIndicator type="stopped">Sign-in cancelled.</StatusIndicator>;
  const url = progress.verificationUriComplete ?? progress.verificationUri ?? '';
  const browserOpened = appInfo.data?.host === 'electron';
  const expired = progress.expiresAt !== undefined && progress.expiresAt <= now;
  return (
    <SpaceBetween size="l">
      {/* The desktop app opens the page in the system browser; the web host already is a browser, so it offers a button
          (which also opens the local emulator's http sign-in page: the address comes from the profile's SSO endpoint, not from an agent). */}
      {browserOpened ? (
        <Box>Your browser opened the AWS sign-in page. Check that it shows this code, then approve the request. This dialog updates by itself.</Box>
      ) : (
        <SpaceBetween size="xs">
          <Box>Open the AWS sign-in page, check that it shows this code, then approve the request. This dialog updates by itself.</Box>
          <Box>
            <Button iconName="external" iconAlign="right" onClick={() => openExternal(url, { allowLoopbackHttp: true })} data-testid="sign-in-open-page">
              Open sign-in page
            </Button>
          </Box>
        </SpaceBetween>
      )}
      <div className="user-code" data-testid="sign-in-user-code">
        <Box variant="awsui-key-label">Code</Box>
        <div className="user-code__row">
          <div className="user-code__value">{progress.userCode}</div>
          {progress.userCode && (
            <CopyToClipboard
              variant="icon"
              textToCopy={progress.userCode}
              copyButtonAriaLabel="Copy code"
              copySuccessText="Code copied"
              copyErrorText="Code could not be copied"
            />
          )}
        </div>
      </div>
      <SpaceBetween size="xxs">
        <Box variant="awsui-key-label">Browser didn’t open? Open this address yourself</Box>
        <CopyToClipboard
          variant="inline"
          textToCopy={url}
          copyButtonAriaLabel="Copy sign-in address"
          copySuccessText="Address copied"
          copyErrorText="Address could not be copied"
        />
      </SpaceBetween>
      {expired ? (
        <StatusIndicator type="error">The code expired. Close this dialog and sign in again.</StatusIndicator>
      ) : (
        <StatusIndicator type="loading">
          Waiting for approval{progress.expiresAt !== undefined ? ` · code valid for ${formatCountdown(progress.expiresAt, now)}` : ''}
        </StatusIndicator>
      )}
    </SpaceBetween>
  );
}

/** Memoized: it sits on the fleet page, which re-renders on every filter keystroke. */
export const SignInDialog = memo(function SignInDialog({ profile, onClose }: { profile: string | null; onClose: () => void }) {
  const state = useSignInState();
  const progress = profile ? state[profile] : undefined;
  const started = useRef<string | null>(null);

  useEffect(() => {
    if (!profile) {
      started.current = null;
      return;
    }
    // Start once per opening; a flow already pending (opened from elsewhere) is shown, not restarted.
    if (started.current === profile) return;
    started.current = profile;
    if (!isSignInActive(signInStore.get()[profile])) void signInStore.signIn(profile);
  }, [profile]);

  useEffect(() => {
    if (progress?.phase !== 'signed-in' || !profile) return;
    const timer = window.setTimeout(() => {
      signInStore.dismiss(profile);
      onClose();
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [progress?.phase, profile, onClose]);

  const active = isSignInActive(progress);
  const close = (): void => {
    if (profile && active) void signInStore.cancel(profile);
    else if (profile) signInStore.dismiss(profile);
    onClose();
  };
  const retry = (): void => {
    if (profile) void signInStore.signIn(profile);
  };

  return (
    <Modal
      visible={profile !== null}
      onDismiss={close}
      header={`Sign in — ${profile ?? ''}`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {progress?.phase === 'failed' && <Button onClick={retry}>Try again</Button>}
            <Button variant={active ? 'normal' : 'primary'} onClick={close} data-testid="sign-in-close">
              {active ? 'Cancel sign-in' : 'Close'}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <div data-testid="sign-in-dialog">
        <Body progress={progress} />
      </div>
    </Modal>
  );
});
