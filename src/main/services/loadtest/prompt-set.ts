/**
 * A scenario's prompts as the strings main sends: a list as given, a file
 * read as one of three shapes, or a template filled from its variables in
 * turn. Anything that would send nothing, or an unreadable file, is refused
 * with the line to fix — before a single request goes out.
 */
import { findJsonError } from '../invoke/json-position';
import { LOADTEST_CAPS, type PromptSource } from '../../../shared/loadtest';

export class PromptSetError extends Error {
  override readonly name = 'PromptSetError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function promptSet(source: PromptSource): string[] {
  const prompts = source.kind === 'list' ? source.prompts : source.kind === 'file' ? parsePromptFile(source.fileName, source.content) : expandTemplate(source);
  const usable = prompts.filter((p) => p.trim() !== '');
  if (usable.length === 0) throw new PromptSetError('The prompt set is empty: add at least one prompt that is not blank.');
  if (usable.length > LOADTEST_CAPS.prompts)
    throw new PromptSetError(`The prompt set has ${usable.length} prompts; at most ${LOADTEST_CAPS.prompts} are allowed.`);
  return usable;
}

/** A JSON array of strings (the whole file starts with `[`), JSONL of {"prompt": …} (first line starts with `{`), else one prompt per line. */
export function parsePromptFile(fileName: string, content: string): string[] {
  const text = content.replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '[') return parseJsonArray(fileName, text);
  if (first === '{') return parseJsonLines(fileName, text);
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function parseJsonArray(fileName: string, text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonError(text);
    const where = problem ? `line ${problem.line}, column ${problem.column}: ${problem.reason}` : 'it does not parse';
    throw new PromptSetError(`${fileName} starts like a JSON array but is not valid JSON (${where}).`);
  }
  if (!Array.isArray(value)) throw new PromptSetError(`${fileName} is not a JSON array of strings.`);
  return value.map((item, i) => {
    if (typeof item !== 'string') throw new PromptSetError(`${fileName}: item ${i + 1} of the JSON array is ${describe(item)}, not a string.`);
    return item;
  });
}

function parseJsonLines(fileName: string, text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PromptSetError(`${fileName}, line ${i + 1}: not valid JSON. Each line of a JSONL prompt file is one object like {"prompt": "…"}.`);
    }
    const prompt = (value as { prompt?: unknown } | null)?.prompt;
    if (typeof prompt !== 'string') throw new PromptSetError(`${fileName}, line ${i + 1}: the object has no "prompt" string.`);
    out.push(prompt);
  });
  return out;
}

/** Request n fills each `{{name}}` with value n mod length of that variable, over as many prompts as the longest list. */
export function expandTemplate(source: Extract<PromptSource, { kind: 'template' }>): string[] {
  const used = new Set([...source.template.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  const missing = [...used].filter((name) => !(name in source.variables));
  if (missing.length) throw new PromptSetError(`The prompt template uses ${missing.map((n) => `{{${n}}}`).join(', ')} but defines no values for it.`);
  const lengths = [...used].map((name) => source.variables[name]!.length);
  const count = Math.min(LOADTEST_CAPS.prompts, Math.max(1, ...lengths));
  return Array.from({ length: count }, (_, n) =>
    source.template.replace(PLACEHOLDER, (_m, name: string) => source.variables[name]![n % source.variables[name]!.length]!),
  );
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
