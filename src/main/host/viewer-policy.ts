/**
 * What a read-only share's viewer may reach. Refusing mutations (dispatch.ts,
 * stream-hub.ts) is not enough for a share: reads such as `settings.get`,
 * `chat.export` or `memory.events` would hand out the owner's settings,
 * conversations and memory. So viewers get an explicit allowlist of the reads
 * the shared pages (war room, fleet, metrics, logs, traces) need; everything
 * else — and anything added later and not yet classified here — is refused.
 * viewer-policy.test.ts walks the whole contract so a new method, stream or
 * event fails the suite until it is classified.
 */
import type { AppInfo } from '../../shared/app';
import type { EventName, Events, MethodName, StreamName } from '../../shared/contract';

export type ViewerAccess = 'allowed' | 'forbidden';

/** Every method of the contract, classified. */
export const viewerMethods: Partial<Record<MethodName, ViewerAccess>> = {
  'app.info': 'allowed',
  'app.visibility': 'allowed',
  'settings.get': 'forbidden',
  'settings.set': 'forbidden',
  'fleet.list': 'allowed',
  // Reads AWS for everyone: a room of viewers clicking it would multiply the owner's API calls.
  'fleet.refresh': 'forbidden',
  'fleet.resource': 'allowed',
  'profiles.list': 'forbidden',
  'auth.signIn': 'forbidden',
  'auth.cancel': 'forbidden',
  'auth.signOut': 'forbidden',
  'chat.sessions.list': 'forbidden',
  'chat.sessions.create': 'forbidden',
  'chat.sessions.get': 'forbidden',
  'chat.sessions.byRuntimeSession': 'forbidden',
  'chat.sessions.update': 'forbidden',
  'chat.sessions.delete': 'forbidden',
  'chat.stop': 'forbidden',
  'chat.endSession': 'forbidden',
  'chat.template.get': 'forbidden',
  'chat.template.set': 'forbidden',
  'chat.bearer.set': 'forbidden',
  'chat.bearer.status': 'forbidden',
  'chat.search': 'forbidden',
  'chat.export': 'forbidden',
  'chat.import': 'forbidden',
  'memory.actors': 'forbidden',
  'memory.sessions': 'forbidden',
  'memory.events': 'forbidden',
  'memory.event': 'forbidden',
  'memory.findSession': 'forbidden',
  'memory.records': 'forbidden',
  'memory.record': 'forbidden',
  'memory.retrieve': 'forbidden',
  'memory.jobs': 'forbidden',
  'memory.audit': 'forbidden',
  'memory.exportSession': 'forbidden',
  'memory.exportNamespace': 'forbidden',
  'memory.deleteEvent': 'forbidden',
  'memory.deleteRecords': 'forbidden',
  'logs.groups': 'allowed',
  'logs.history': 'allowed',
  'logs.line': 'allowed',
  'metrics.agent': 'allowed',
  'metrics.fleet': 'allowed',
  'metrics.resource': 'allowed',
  'metrics.harness': 'allowed',
  'metrics.slo.set': 'forbidden',
  'metrics.breaches': 'allowed',
  'prices.get': 'allowed',
  'prices.set': 'forbidden',
  'traces.get': 'allowed',
  'traces.recent': 'allowed',
  'traces.session': 'allowed',
  'traces.usage': 'allowed',
  'traces.live': 'allowed',
  'traces.stopSession': 'forbidden',
  'warroom.sets': 'allowed',
  'warroom.saveSet': 'forbidden',
  'warroom.deleteSet': 'forbidden',
  'warroom.incident': 'allowed',
  'warroom.startIncident': 'forbidden',
  'warroom.endIncident': 'forbidden',
  'warroom.timeline': 'allowed',
  'warroom.addNote': 'forbidden',
  'warroom.deleteNote': 'forbidden',
  // The incident report is the owner's to hand out; the room sees the timeline itself.
  'warroom.report': 'forbidden',
  'loadtest.estimate': 'forbidden',
  'loadtest.start': 'forbidden',
  'loadtest.stop': 'forbidden',
  'loadtest.runs': 'forbidden',
  'loadtest.run': 'forbidden',
  'loadtest.deleteRun': 'forbidden',
  'loadtest.scenarios': 'forbidden',
  'loadtest.saveScenario': 'forbidden',
  'loadtest.deleteScenario': 'forbidden',
  'loadtest.exportRun': 'forbidden',
  'loadtest.artilleryExport': 'forbidden',
  'loadtest.artilleryImport': 'forbidden',
  // The owner's status carries the URL with the token; viewers get share.session.
  'share.status': 'forbidden',
  'share.interfaces': 'forbidden',
  'share.start': 'forbidden',
  'share.stop': 'forbidden',
  'share.session': 'allowed',
};

export const viewerStreams: Partial<Record<StreamName, ViewerAccess>> = {
  'chat.reply': 'forbidden',
  'chat.watch': 'forbidden',
  'logs.tail': 'allowed',
  'warroom.board': 'allowed',
  'loadtest.live': 'forbidden',
};

export const viewerEvents: Partial<Record<EventName, ViewerAccess>> = {
  'app.changed': 'allowed',
  'fleet.changed': 'allowed',
  'share.changed': 'allowed',
  'settings.changed': 'forbidden',
  'auth.changed': 'forbidden',
};

export const viewerMayCall = (method: MethodName): boolean => viewerMethods[method] === 'allowed';
export const viewerMayOpen = (stream: StreamName): boolean => viewerStreams[stream] === 'allowed';
export const viewerMayHear = (event: EventName): boolean => viewerEvents[event] === 'allowed';

/** App info as a viewer sees it: nothing about the owner's machine (data dir, start-up notices, profile names, local endpoints). */
export function viewerAppInfo(info: AppInfo): AppInfo {
  const source = info.dataSource;
  return {
    ...info,
    platform: '',
    dataDir: '',
    notices: [],
    dataSource: source.kind === 'demo' ? { ...source, endpoint: '' } : { ...source, profiles: [] },
  };
}

/** What leaves main for a viewer, before redaction: the per-method sanitising on top of the allowlist. */
export function viewerResult(method: MethodName, result: unknown): unknown {
  return method === 'app.info' ? viewerAppInfo(result as AppInfo) : result;
}

export function viewerEventPayload<E extends EventName>(event: E, payload: Events[E]): Events[E] {
  return event === 'app.changed' ? (viewerAppInfo(payload as AppInfo) as Events[E]) : payload;
}
