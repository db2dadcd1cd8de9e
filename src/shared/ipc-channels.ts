/** Electron IPC channel names, shared by main and preload (so preload bundles no main code). */
export const CALL_CHANNEL = 'agentcore:call';
export const EVENT_CHANNEL = 'agentcore:event';
export const STREAM_OPEN_CHANNEL = 'agentcore:stream-open';
export const STREAM_CLOSE_CHANNEL = 'agentcore:stream-close';
/** Main → renderer: a batch of stream frames for this window only. */
export const STREAM_FRAMES_CHANNEL = 'agentcore:stream-frames';
/** Renderer → main: how many frames the preload handed to the page (IPC has no backpressure of its own). */
export const STREAM_ACK_CHANNEL = 'agentcore:stream-ack';
