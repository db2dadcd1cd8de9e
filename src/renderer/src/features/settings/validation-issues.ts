/**
 * Reads the zod issues that main returns for `invalid_input`
 * (`details.issues: [{ path: 'watchedRegions.1', message }]`) and groups them
 * by settings field, so each form field shows its own error.
 */
import { ApiError } from '../../../../shared/errors';

export interface FieldIssue {
  /** Index within a list field, when the issue is about one item. */
  index: number | null;
  message: string;
}

export type IssuesByField = Readonly<Record<string, readonly FieldIssue[]>>;

const isIssue = (value: unknown): value is { path: unknown; message: string } =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

const pathParts = (path: unknown): string[] => {
  if (Array.isArray(path)) return path.map(String);
  if (typeof path === 'string') return path === '' ? [] : path.split('.');
  return [];
};

export function issuesByField(error: unknown): IssuesByField {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return {};
  const raw = error.details?.issues;
  if (!Array.isArray(raw)) return {};
  const grouped: Record<string, FieldIssue[]> = {};
  for (const issue of raw.filter(isIssue)) {
    const [field = '', second] = pathParts(issue.path);
    const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
    (grouped[field] ??= []).push({ index, message: issue.message });
  }
  return grouped;
}

/** One line per issue: "“eu-west”: not an AWS region name" for list items, the message otherwise. */
export function describeIssues(issues: readonly FieldIssue[] | undefined, values: readonly string[] = []): string | undefined {
  if (!issues || issues.length === 0) return undefined;
  return issues
    .map((issue) => {
      if (issue.index === null) return issue.message;
      const value = values[issue.index];
      return value !== undefined ? `“${value}”: ${issue.message}` : `Item ${issue.index + 1}: ${issue.message}`;
    })
    .join(' · ');
}
