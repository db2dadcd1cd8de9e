/** Which failures of a tail or history call are about the filter pattern (shown at its field) and which are about the pane. */
import type { ApiError } from '../../../../shared/errors';

/** AWS answers a bad pattern with InvalidParameterException ("Invalid character(s) in term …"); zod with invalid_input. */
const PATTERN_PROBLEM = /InvalidParameter|MalformedQuery|filter ?pattern/i;

export function isFilterError(error: ApiError | null, pattern: string): boolean {
  if (!error || pattern.trim() === '') return false;
  if (error.code === 'invalid_input') return true;
  if (error.code !== 'aws_error') return false;
  const awsCode = typeof error.details?.awsCode === 'string' ? error.details.awsCode : '';
  return PATTERN_PROBLEM.test(`${awsCode} ${error.message}`);
}

/** The text for the field: AWS's own message, with zod's issue when that is all there is. */
export function filterErrorText(error: ApiError): string {
  const issues = error.details?.issues;
  if (error.code === 'invalid_input' && Array.isArray(issues)) {
    const first = issues.find((i): i is { message: string } => typeof (i as { message?: unknown })?.message === 'string');
    if (first) return first.message;
  }
  return error.message;
}
