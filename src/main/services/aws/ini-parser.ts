/**
 * A small parser for the AWS shared config and credentials files. Our own
 * rather than the SDK's because a malformed line must be reported with its
 * file and line while every other profile still loads; the SDK's loader
 * skips what it cannot read silently.
 *
 * Follows the AWS CLI's reading: `#` and `;` start full-line comments and, after
 * whitespace, inline comments; an indented line after `key =` (empty value)
 * is a sub-setting (`s3 =\n  max_concurrency = 4`), kept as `key.sub`.
 */

export interface IniSection {
  /** The text between the brackets, trimmed (`profile dev`, `sso-session corp`, `default`). */
  header: string;
  line: number;
  settings: Map<string, IniSetting>;
}

export interface IniSetting {
  value: string;
  line: number;
}

export interface IniError {
  file: string;
  line: number;
  /** The section the bad line sits in, if any, so that section's profile can carry the problem. */
  section?: string;
  message: string;
}

export interface IniFile {
  file: string;
  sections: IniSection[];
  errors: IniError[];
}

const sectionLine = /^\[([^\]]*)\]\s*(?:[#;].*)?$/;
const settingLine = /^([^=\s][^=]*?)\s*=\s*(.*)$/;

export function parseIni(text: string, file: string): IniFile {
  const sections: IniSection[] = [];
  const errors: IniError[] = [];
  let current: IniSection | undefined;
  /** The last `key =` with an empty value, which indented lines nest under. */
  let parentKey: string | undefined;

  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const fail = (message: string): void => {
      errors.push({ file, line, message, ...(current ? { section: current.header } : {}) });
    };

    const indented = /^\s/.test(raw);
    if (indented && current && parentKey !== undefined) {
      const nested = settingLine.exec(trimmed);
      if (nested) current.settings.set(`${parentKey}.${nested[1]!.trim()}`, { value: stripInlineComment(nested[2]!), line });
      else fail(`expected "key = value" under "${parentKey}"`);
      return;
    }

    if (trimmed.startsWith('[')) {
      const header = sectionLine.exec(trimmed);
      parentKey = undefined;
      if (!header || header[1]!.trim() === '') {
        // The section is unusable; its settings must not leak into the previous one.
        current = undefined;
        errors.push({ file, line, message: `malformed section header ${JSON.stringify(trimmed.slice(0, 60))}` });
        return;
      }
      current = { header: header[1]!.trim().replace(/\s+/g, ' '), line, settings: new Map() };
      sections.push(current);
      return;
    }

    const setting = settingLine.exec(trimmed);
    if (!setting) {
      fail('expected "key = value" or "[section]"');
      return;
    }
    if (!current) {
      fail('setting outside any [section]');
      return;
    }
    const key = setting[1]!.trim();
    const value = stripInlineComment(setting[2]!);
    parentKey = value === '' ? key : undefined;
    current.settings.set(key, { value, line });
  });

  return { file, sections, errors };
}

/** `value ; note` and `value # note` drop the comment; `a#b` keeps it (the CLI needs whitespace first). */
function stripInlineComment(value: string): string {
  return value.replace(/\s+[#;].*$/, '').trim();
}
