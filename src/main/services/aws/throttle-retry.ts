/**
 * Backoff for reads that a throttled AWS API should not fail the first time
 * it says "slow down" (AgentCore memory answers ThrottledException, CloudWatch
 * Logs ThrottlingException). Only throttling is retried: other errors are the
 * caller's to explain.
 */
import { describeAwsError, isThrottling } from './describe-error';

export interface Backoff {
  /** Waits before each retry; its length is the number of retries. */
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_BACKOFF: Backoff = { delaysMs: [250, 750, 2000] };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withThrottleRetry<T>(call: () => Promise<T>, backoff: Backoff): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = backoff.delaysMs[attempt];
      if (delay === undefined || !isThrottling(describeAwsError(error))) throw error;
      await (backoff.sleep ?? sleep)(delay * (0.8 + Math.random() * 0.4));
    }
  }
}
