/** Console preferences, saved through `settings.set`; main's validation errors show on their fields. */
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Settings } from '../../../../shared/settings';
import { apiQueryKey } from '../../state/api-key';
import { useApiMutation } from '../../state/api-query';
import { useAppInfo, useSettings } from '../../state/hooks';
import { notify, notifyError } from '../../state/notifications';
import { AboutPanel } from './about-panel';
import { knownChoices } from './known-choices';
import { PricesPanel } from './prices-panel';
import { ProfilesPanel } from './profiles-panel';
import { useProfiles } from './use-profiles';
import { ListEditor } from './list-editor';
import { draftFrom, patchFrom, type SettingsDraft } from './settings-draft';
import { describeIssues, issuesByField, type IssuesByField } from './validation-issues';

const invalidIndices = (issues: IssuesByField, field: string): Set<number> =>
  new Set((issues[field] ?? []).flatMap((issue) => (issue.index === null ? [] : [issue.index])));

function SettingsForm({ saved, knownRegions, knownProfiles }: { saved: Settings; knownRegions: string[]; knownProfiles: string[] }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(saved));
  const [issues, setIssues] = useState<IssuesByField>({});
  const queryClient = useQueryClient();
  // The form is keyed on the saved settings, so replacing them also resets the draft.
  const saveSettings = useApiMutation('settings.set', { onSuccess: (next) => queryClient.setQueryData(apiQueryKey('settings.get', {}), next) });
  const patch = patchFrom(draft, saved);
  const dirty = Object.keys(patch).length > 0;
  const edit = (change: Partial<SettingsDraft>): void => setDraft((current) => ({ ...current, ...change }));

  const saving = saveSettings.isPending;
  const save = (): void =>
    saveSettings.mutate(patch, {
      onSuccess: () => notify({ type: 'success', header: 'Settings saved' }, 'settings-saved'),
      onError: (error) => {
        const byField = issuesByField(error);
        setIssues(byField);
        if (Object.keys(byField).length === 0) notifyError('Save settings', error);
      },
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button
              formAction="none"
              variant="link"
              disabled={!dirty || saving}
              onClick={() => {
                setDraft(draftFrom(saved));
                setIssues({});
              }}
            >
              Reset
            </Button>
            <Button variant="primary" loading={saving} disabled={!dirty} data-testid="settings-save">
              Save changes
            </Button>
          </SpaceBetween>
        }
        errorText={Object.keys(issues).length > 0 ? 'Some settings were not accepted. Fix the fields marked below and save again.' : undefined}
      >
        <SpaceBetween size="l">
          <Container
            header={
              <Header variant="h2" description="How the console looks on this computer.">
                Appearance
              </Header>
            }
          >
            <SpaceBetween size="l">
              <FormField label="Theme" description="System follows your operating system’s light or dark setting." errorText={describeIssues(issues.theme)}>
                <SegmentedControl
                  label="Theme"
                  selectedId={draft.theme}
                  options={[
                    { id: 'system', text: 'System' },
                    { id: 'light', text: 'Light' },
                    { id: 'dark', text: 'Dark' },
                  ]}
                  onChange={(event) => edit({ theme: event.detail.selectedId as Settings['theme'] })}
                />
              </FormField>
              <FormField label="Density" description="Compact fits more rows on large screens." errorText={describeIssues(issues.density)}>
                <SegmentedControl
                  label="Density"
                  selectedId={draft.density}
                  options={[
                    { id: 'comfortable', text: 'Comfortable' },
                    { id: 'compact', text: 'Compact' },
                  ]}
                  onChange={(event) => edit({ density: event.detail.selectedId as Settings['density'] })}
                />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description="What the console polls, and how often.">
                Fleet polling
              </Header>
            }
          >
            <SpaceBetween size="l">
              <FormField
                label="Poll interval"
                constraintText="Seconds between polls of each profile and region, 5 to 3600."
                errorText={describeIssues(issues.pollIntervalSeconds)}
              >
                <div className="settings__narrow">
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={draft.pollIntervalText}
                    onChange={(event) => edit({ pollIntervalText: event.detail.value })}
                  />
                </div>
              </FormField>
              <FormField
                label="Watched profiles"
                description="AWS profiles to poll (suggestions come from the profiles above). Leave empty to use the default profile."
                errorText={describeIssues(issues.watchedProfiles, draft.watchedProfiles)}
              >
                <ListEditor
                  values={draft.watchedProfiles}
                  onChange={(watchedProfiles) => edit({ watchedProfiles })}
                  suggestions={knownProfiles}
                  placeholder="Profile name, e.g. prod-admin"
                  addLabel="Add profile"
                  invalid={invalidIndices(issues, 'watchedProfiles')}
                />
              </FormField>
              <FormField
                label="Watched regions"
                description="Regions to poll in each profile. Leave empty for the profile’s default regions."
                errorText={describeIssues(issues.watchedRegions, draft.watchedRegions)}
              >
                <ListEditor
                  values={draft.watchedRegions}
                  onChange={(watchedRegions) => edit({ watchedRegions })}
                  suggestions={knownRegions}
                  placeholder="Region, e.g. us-east-1"
                  addLabel="Add region"
                  invalid={invalidIndices(issues, 'watchedRegions')}
                />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description="How much of a live tail the console keeps on screen.">
                Logs
              </Header>
            }
          >
            <FormField
              label="Live tail buffer"
              description="Lines each live tail keeps. Past it the oldest lines go, and the list says how many."
              constraintText="1,000 to 1,000,000 lines. Each 100,000 lines take roughly 50 to 100 MB in this window."
              errorText={describeIssues(issues.logBufferLines)}
            >
              <div className="settings__narrow">
                <Input
                  type="number"
                  inputMode="numeric"
                  value={draft.logBufferText}
                  onChange={(event) => edit({ logBufferText: event.detail.value })}
                  ariaLabel="Live tail buffer, in lines"
                  data-testid="settings-log-buffer"
                />
              </div>
            </FormField>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}

export function SettingsPage() {
  const settings = useSettings();
  const info = useAppInfo();
  const profiles = useProfiles();
  const source = info.data?.dataSource;
  const known = knownChoices(profiles.data, source);
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Preferences for this console. They are stored with its data." data-testid="page-settings">
          Settings
        </Header>
      }
    >
      <SpaceBetween size="l">
        <ProfilesPanel profiles={profiles} />
        {settings.data ? (
          <SettingsForm key={JSON.stringify(settings.data)} saved={settings.data} knownRegions={known.regions} knownProfiles={known.profiles} />
        ) : (
          <Container>
            <Spinner /> Loading settings…
          </Container>
        )}
        <PricesPanel />
        {info.data && <AboutPanel info={info.data} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
