/** The settings page as the shell sees it. */
import { definePage } from '../../app/page-definition';
import { SettingsPage } from './settings-page';

export const settingsPage = definePage({
  id: 'settings',
  title: 'Settings',
  description: 'Theme, density, polling and watched profiles',
  navGroup: 'console',
  icon: 'settings',
  component: SettingsPage,
});
