import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateThemeStylesheet } from '@cloudscape-design/components/theming';
import { describe, expect, it } from 'vitest';
import { HIGH_CONTRAST_THEME, scopeToPresentation } from '../../src/renderer/src/app/theme/high-contrast-theme';

const sheet = join(import.meta.dirname, '../../src/renderer/src/app/theme/high-contrast.css');

describe('presentation mode high contrast', () => {
  const generated = scopeToPresentation(generateThemeStylesheet({ theme: HIGH_CONTRAST_THEME }));

  it('ships the stylesheet Cloudscape generates from the theme, scoped to presentation mode', () => {
    if (process.env.UPDATE_HIGH_CONTRAST === '1') writeFileSync(sheet, generated);
    expect(readFileSync(sheet, 'utf8')).toBe(generated);
  });

  it('overrides every token of the theme in light and in dark, and nothing outside presentation mode', () => {
    const light = /\nbody\.presentation-mode:not\(#\\9\)\{([^}]*)\}/.exec(generated)?.[1];
    const dark = /\n@media not print \{body\.presentation-mode\.awsui-dark-mode:not\(#\\9\)\{([^}]*)\}\}/.exec(generated)?.[1];
    const tokens = Object.keys(HIGH_CONTRAST_THEME.tokens ?? {}).length;
    expect(
      generated
        .replace(/\{\n[^}]*\}/g, '{}')
        .trim()
        .split('\n')
        .slice(1),
    ).toEqual(['body.presentation-mode:not(#\\9){}', '@media not print {body.presentation-mode.awsui-dark-mode:not(#\\9){}}']);
    expect(light!.match(/--color-[a-z-]+-[a-z0-9]+:#[0-9a-f]{6}/g)).toHaveLength(tokens);
    expect(dark!.match(/--color-[a-z-]+-[a-z0-9]+:#[0-9a-f]{6}/g)).toHaveLength(tokens);
  });

  it('refuses a generated sheet whose shape it does not know rather than ship an unscoped one', () => {
    expect(() => scopeToPresentation(':root{--x:1}')).toThrow(/no longer has/);
  });
});
