/** Payload helpers for the composer: a preview of the template and a local check of raw JSON. */

/** What main would send for a prompt with this template: `{{prompt}}` becomes the JSON-escaped prompt. */
export function previewTemplate(template: string, prompt: string): string {
  const escaped = JSON.stringify(prompt).slice(1, -1);
  return template.split('{{prompt}}').join(escaped);
}

export interface JsonCheck {
  ok: boolean;
  message?: string;
}

/** A quick check before sending; main validates again and its message wins. */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON body to send.' };
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A template must mention {{prompt}} and, once filled, be valid JSON. */
export function checkTemplate(template: string): JsonCheck {
  if (!template.includes('{{prompt}}')) return { ok: false, message: 'The template must contain {{prompt}} where the prompt goes.' };
  const filled = checkJson(previewTemplate(template, 'test "quoted"\nline'));
  return filled.ok ? filled : { ok: false, message: 'Not valid JSON once a prompt is filled in' };
}

/** Pretty JSON when the text parses, else the text unchanged. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
