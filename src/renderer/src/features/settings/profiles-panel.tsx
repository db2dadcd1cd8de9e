/**
 * Settings → AWS profiles: every profile of the shared config and credentials
 * files, how it gets credentials, its sign-in status and time left, and the
 * problems found in its configuration (file:line). SSO profiles sign in and
 * out here; keys and tokens never reach this page.
 */
import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useCallback, useState } from 'react';
import type { ProfileSummary } from '../../../../shared/profiles';
import { useNow } from '../../lib/use-now';
import { notify, notifyError } from '../../state/notifications';
import { describeProblem, formatTimeLeft, profileKindLabel, profileStatusIndicator, ssoSummary } from './profile-format';
import type { ProfilesState } from './use-profiles';
import { profilesApi } from './profiles-api';
import { SignInDialog } from './sign-in-dialog';
import { isSignInActive } from './sign-in-state';
import { useSignInState } from './sign-in-store';
import { Identifier, useIdentifierFormatter } from '../../components/identifier';
import { RedactedText } from '../../components/redacted-text';

const dash = <Box color="text-status-inactive">—</Box>;

function StatusCell({ profile, now }: { profile: ProfileSummary; now: number }) {
  const indicator = profileStatusIndicator[profile.status];
  const left = profile.status === 'signed-in' ? formatTimeLeft(profile.expiresAt, now) : null;
  if (!profile.signInRequired && profile.status === 'signed-in') return <StatusIndicator type="success">Ready</StatusIndicator>;
  return (
    <div>
      <StatusIndicator type={indicator.type}>{indicator.label}</StatusIndicator>
      {left && (
        <Box variant="small" color={left === 'expired' ? 'text-status-error' : 'text-body-secondary'}>
          {left}
        </Box>
      )}
    </div>
  );
}

function Actions({ profile, onSignIn, onSignOut, busy }: { profile: ProfileSummary; onSignIn: () => void; onSignOut: () => void; busy: boolean }) {
  const state = useSignInState();
  if (!profile.signInRequired) return dash;
  const active = isSignInActive(state[profile.name]) || profile.pendingSignIn !== undefined;
  return (
    <SpaceBetween size="xxs">
      <Button
        variant={profile.status === 'signed-in' ? 'normal' : 'primary'}
        onClick={onSignIn}
        disabled={profile.status === 'error'}
        disabledReason="Fix the profile’s configuration first."
        ariaLabel={`Sign in to ${profile.name}`}
        data-testid={`profile-sign-in-${profile.name}`}
      >
        {active ? 'Show code' : profile.status === 'signed-in' ? 'Sign in again' : 'Sign in'}
      </Button>
      {profile.status === 'signed-in' && (
        <Button variant="link" onClick={onSignOut} loading={busy} ariaLabel={`Sign out of ${profile.name}`}>
          Sign out
        </Button>
      )}
    </SpaceBetween>
  );
}

export function ProfilesPanel({ profiles }: { profiles: ProfilesState }) {
  const formatId = useIdentifierFormatter();
  const now = useNow(30_000);
  const [signInProfile, setSignInProfile] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState<string | null>(null);
  const closeSignIn = useCallback(() => setSignInProfile(null), []);
  const { data, error, loading, reload } = profiles;

  const signOut = (name: string): void => {
    setSigningOut(name);
    profilesApi
      .signOut(name)
      .then((result) =>
        notify({
          type: 'success',
          header: `Signed out of ${name}`,
          content: result.signedOut.length > 1 ? `Also signed out: ${result.signedOut.filter((p) => p !== name).join(', ')} (same SSO session).` : undefined,
        }),
      )
      .catch((e: unknown) => notifyError(`Sign out of ${name}`, e))
      .finally(() => {
        setSigningOut(null);
        reload();
      });
  };

  return (
    <div data-testid="settings-profiles">
      <SpaceBetween size="s">
        {data && data.problems.length > 0 && (
          <Alert type="warning" header="Problems in the AWS configuration files">
            <ul className="profile-problems">
              {data.problems.map((p) => (
                <li key={`${p.code}|${p.file ?? ''}|${p.line ?? ''}|${p.message}`}>{describeProblem(p)}</li>
              ))}
            </ul>
            Other profiles still load.
          </Alert>
        )}
        <Table
          variant="container"
          header={
            <Header
              variant="h2"
              counter={data ? `(${data.profiles.length})` : undefined}
              description={
                data
                  ? `From ${data.files.config} and ${data.files.credentials}. Keys and tokens stay in the main process; an SSO sign-in here also signs in the AWS CLI.`
                  : 'Profiles from the shared AWS config and credentials files.'
              }
              actions={<Button iconName="refresh" ariaLabel="Reload profiles" loading={loading && data !== undefined} onClick={reload} />}
            >
              AWS profiles
            </Header>
          }
          loading={loading && !data}
          loadingText="Reading AWS profiles…"
          items={data?.profiles ?? []}
          trackBy="name"
          resizableColumns
          wrapLines
          columnDefinitions={[
            {
              id: 'name',
              header: 'Profile · region',
              width: 150,
              cell: (p) => (
                <div>
                  <SpaceBetween direction="horizontal" size="xxs" alignItems="center">
                    <Box fontWeight="bold">{p.name}</Box>
                    {p.isDefault && <Badge>default</Badge>}
                  </SpaceBetween>
                  <Box variant="small" color="text-body-secondary">
                    {p.region ?? 'no region'}
                  </Box>
                </div>
              ),
            },
            {
              id: 'kind',
              header: 'Credentials',
              width: 175,
              cell: (p) => (
                <div>
                  <div>{profileKindLabel[p.kind]}</div>
                  {p.roleArn && (
                    <Box variant="small" color="text-body-secondary">
                      <Identifier kind="arn" value={p.roleArn} />
                      {p.sourceProfile ? ` via ${p.sourceProfile}` : ''}
                    </Box>
                  )}
                </div>
              ),
            },
            {
              id: 'sso',
              header: 'SSO start URL · account / role',
              width: 225,
              cell: (p) => {
                const sso = ssoSummary(p, (account) => formatId('account', account));
                if (!sso) return dash;
                return (
                  <div>
                    <div className="profile-start-url">{sso.startUrl}</div>
                    <Box variant="small" color="text-body-secondary">
                      {[sso.target, p.sso?.sessionName ? `session ${p.sso.sessionName}` : null, p.sso?.region ? `SSO in ${p.sso.region}` : null]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Box>
                  </div>
                );
              },
            },
            { id: 'status', header: 'Status', width: 150, cell: (p) => <StatusCell profile={p} now={now} /> },
            {
              id: 'problems',
              header: 'Problems',
              width: 230,
              cell: (p) =>
                p.problems.length === 0 ? (
                  dash
                ) : (
                  <ul className="profile-problems">
                    {p.problems.map((problem) => (
                      <li key={`${problem.code}|${problem.line ?? ''}|${problem.message}`}>
                        <Box variant="span" color="text-status-error" fontSize="body-s">
                          <span title={problem.file ? `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}` : undefined}>
                            {describeProblem(problem)}
                          </span>
                        </Box>
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              id: 'actions',
              header: 'Actions',
              cell: (p) => <Actions profile={p} onSignIn={() => setSignInProfile(p.name)} onSignOut={() => signOut(p.name)} busy={signingOut === p.name} />,
            },
          ]}
          empty={
            error ? (
              <Box textAlign="center" color="text-status-error" padding="s">
                Couldn’t read the profiles: <RedactedText text={error.message} /> ({error.code})
              </Box>
            ) : (
              <Box textAlign="center" color="text-body-secondary" padding="s">
                No AWS profiles found. Run <Box variant="code">aws configure sso</Box> to add one; until then the console shows the demo fleet.
              </Box>
            )
          }
        />
      </SpaceBetween>
      <SignInDialog profile={signInProfile} onClose={closeSignIn} />
    </div>
  );
}
