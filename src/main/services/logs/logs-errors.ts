/**
 * CloudWatch Logs failures as the log view should say them: a filter pattern
 * AWS refuses belongs at the filter field (with AWS's own words), a missing
 * group is "not found" with its name, a denial names the permission, and
 * throttling says the lines already shown stay.
 */
import { ApiError } from '../../../shared/errors';
import { describeAwsError, isThrottling, type DescribedError } from '../aws/describe-error';

const PERMISSION: Record<string, string> = {
  DescribeLogGroups: 'logs:DescribeLogGroups',
  FilterLogEvents: 'logs:FilterLogEvents',
  StartLiveTail: 'logs:StartLiveTail',
};

export function isFilterPatternError(d: DescribedError): boolean {
  return d.code === 'InvalidParameterException' && /pattern/i.test(d.message);
}

export function logsApiError(error: unknown, operation: string, groupName?: string): ApiError {
  if (error instanceof ApiError) return error;
  const d = describeAwsError(error);
  const details = { awsCode: d.code, ...(d.status ? { status: d.status } : {}), operation };
  if (isFilterPatternError(d))
    return new ApiError('invalid_input', `CloudWatch refused the filter pattern: ${d.message}`, { ...details, field: 'filterPattern' });
  if (d.code === 'ResourceNotFoundException')
    return new ApiError('not_found', `The log group ${groupName ?? ''} does not exist (any more): ${d.message}`.replace('  ', ' '), details);
  if (d.code === 'AccessDeniedException')
    return new ApiError(
      'aws_error',
      `${operation} was denied: ${d.message} The profile's role needs ${PERMISSION[operation] ?? `logs:${operation}`}.`,
      details,
    );
  if (isThrottling(d) || d.code === 'LimitExceededException')
    return new ApiError('aws_error', `${operation} is throttled (${d.code}); the lines already shown stay. Try again in a few seconds.`, {
      ...details,
      retryable: true,
    });
  return new ApiError('aws_error', `${operation} failed — ${d.code}: ${d.message}`, { ...details, retryable: d.retryable });
}
