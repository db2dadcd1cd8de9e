/**
 * Presentation mode's high contrast: Cloudscape's secondary text, dividers
 * and control borders are tuned for a laptop panel and wash out on a
 * projector. These design-token overrides darken them in light mode and
 * lighten them in dark mode (text at least 7:1, borders 3:1 against
 * Cloudscape's backgrounds).
 *
 * Cloudscape's `applyTheme` would inject a <style> element, which the
 * console's CSP (`style-src 'self'`) refuses, so the stylesheet is generated
 * from this theme with Cloudscape's own `generateThemeStylesheet`, scoped to
 * `body.presentation-mode`, and shipped as high-contrast.css; its test fails
 * when the two drift (a Cloudscape upgrade renames a token) and rewrites the
 * file when run with UPDATE_HIGH_CONTRAST=1 (test/guards/high-contrast-sheet.test.ts).
 */
import type { Theme } from '@cloudscape-design/components/theming';

const secondaryText = { light: '#232b37', dark: '#e9ebed' };
const strongBorder = { light: '#5f6b7a', dark: '#8c8c94' };

export const HIGH_CONTRAST_THEME: Theme = {
  tokens: {
    colorTextBodySecondary: secondaryText,
    colorTextFormSecondary: secondaryText,
    colorTextHeadingSecondary: secondaryText,
    colorTextDropdownItemSecondary: secondaryText,
    colorTextGroupLabel: secondaryText,
    colorTextCounter: secondaryText,
    colorTextEmpty: secondaryText,
    colorTextInputPlaceholder: { light: '#414d5c', dark: '#c6c6cd' },
    colorBorderDividerDefault: strongBorder,
    colorBorderDividerSecondary: strongBorder,
    colorBorderInputDefault: strongBorder,
    colorBorderControlDefault: strongBorder,
    colorBorderContainerTop: strongBorder,
  },
};

export const SCOPE = 'body.presentation-mode';

/**
 * Keeps the generated sheet's page-wide rules (light, and dark under
 * `.awsui-dark-mode`, which Cloudscape puts on body) and scopes them to
 * presentation mode. Per-context rules (top navigation, alerts, flashbars) are
 * dropped: those contexts keep Cloudscape's own values, which already contrast.
 */
export function scopeToPresentation(generated: string): string {
  const rules: string[] = [];
  const light = /(^|\n)body:not\(#\\9\)\{([^}]*)\}/.exec(generated);
  const dark = /@media not print \{\.awsui-dark-mode\.awsui-dark-mode:not\(#\\9\)\{([^}]*)\}\}/.exec(generated);
  if (!light || !dark) throw new Error('Cloudscape’s generated theme no longer has the page-wide light and dark rules this scoping expects');
  rules.push(`${SCOPE}:not(#\\9){${light[2]}}`);
  rules.push(`@media not print {${SCOPE}.awsui-dark-mode:not(#\\9){${dark[1]}}}`);
  return `/* Generated from high-contrast-theme.ts by test/guards/high-contrast-sheet.test.ts (UPDATE_HIGH_CONTRAST=1): do not edit. */\n${rules.join('\n')}\n`;
}
