/**
 * Follows a running run: `loadtest.live` owned by this view, its items
 * applied once per animation frame, closed when the view goes. When the run
 * ends the lists and the run's stored figures are re-read, so the result
 * view and the runs list show what main kept.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LoadLiveItem, LoadRun } from '../../../../shared/loadtest';
import type { ApiError } from '../../../../shared/errors';
import { api } from '../../api';
import { createFrameBatcher } from '../../lib/frame-batcher';
import { applyLive, liveFromRun, type LiveRunState } from './live-run';

export function useLiveRun(run: LoadRun): { live: LiveRunState; streamError: ApiError | null } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(() => liveFromRun(run));
  const [streamError, setStreamError] = useState<ApiError | null>(null);
  const runId = run.summary.id;
  useEffect(() => {
    const batcher = createFrameBatcher<LoadLiveItem>((items) => setLive((state) => applyLive(state, items)));
    const close = api.stream('loadtest.live', { runId }, (item) => batcher.push(item), {
      onEnd: (error) => {
        batcher.flush();
        setStreamError(error ?? null);
        void queryClient.invalidateQueries({ queryKey: ['loadtest.runs'] });
        void queryClient.invalidateQueries({ queryKey: ['loadtest.run', { runId }] });
      },
    });
    return () => {
      close();
      batcher.dispose();
    };
  }, [runId, queryClient]);
  return { live, streamError };
}
