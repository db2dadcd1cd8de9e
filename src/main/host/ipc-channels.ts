/** Channel names shared by main and preload (kept apart so preload bundles no main code). */
export const CALL_CHANNEL = 'agentcore:call';
export const EVENT_CHANNEL = 'agentcore:event';
