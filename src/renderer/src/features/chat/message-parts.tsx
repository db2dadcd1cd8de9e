/** The parts of a message around its text: typed steps, the metrics footer, the error and the raw bytes. */
import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Icon, { type IconProps } from '@cloudscape-design/components/icon';
import { memo, useCallback, useState } from 'react';
import type { ChatError, ChatMessage, ChatStep, InvocationMetrics } from '../../../../shared/chat';
import { formatBytes, formatDuration, latencyVerdict, metricItems } from './format-metrics';
import { useMessageActions } from './message-actions';
import { useRedact } from '../../state/presentation';

const stepLook: Record<string, { icon: IconProps.Name; label: string }> = {
  agent_thinking: { icon: 'gen-ai', label: 'Thinking' },
  thinking: { icon: 'gen-ai', label: 'Thinking' },
  reasoning: { icon: 'gen-ai', label: 'Reasoning' },
  workflow_step: { icon: 'status-in-progress', label: 'Step' },
  tool_use: { icon: 'command-prompt', label: 'Tool call' },
  tool_call: { icon: 'command-prompt', label: 'Tool call' },
  tool_result: { icon: 'script', label: 'Tool result' },
  hook: { icon: 'settings', label: 'Hook' },
  unknown_event: { icon: 'status-warning', label: 'Unknown event' },
};

function StepRow({ step: stored, live }: { step: ChatStep; live: boolean }) {
  const redact = useRedact();
  // Tool inputs and results are agent output too: presentation mode masks what they name.
  const step = { ...stored, title: redact(stored.title), ...(stored.detail !== undefined ? { detail: redact(stored.detail) } : {}) };
  const look = stepLook[step.kind] ?? { icon: 'angle-right' as const, label: step.kind.replace(/_/g, ' ') };
  // "Thinking: Thinking" says nothing: show the start of the detail instead.
  const title = step.title.trim().toLowerCase() === look.label.toLowerCase() && step.detail ? step.detail.replace(/\s+/g, ' ').slice(0, 120) : step.title;
  const header = (
    <span className="chat-step__header">
      <Icon name={live ? 'status-in-progress' : look.icon} size="small" variant={live ? 'link' : 'subtle'} />
      <span className="chat-step__kind">{look.label}</span>
      <span className="chat-step__title">{title}</span>
    </span>
  );
  return (
    <div className="chat-step" data-testid="chat-step" data-kind={step.kind}>
      {step.detail ? (
        <ExpandableSection variant="footer" headerText={header} headerAriaLabel={`${look.label}: ${step.title}`}>
          <pre className="chat-step__detail">{step.detail}</pre>
        </ExpandableSection>
      ) : (
        <div className="chat-step__plain">{header}</div>
      )}
    </div>
  );
}

const LIVE_TAIL = 4;

/** While streaming, the latest steps show live; once the reply is done, a long trail folds into one line above the answer. */
export function Steps({ steps, streaming }: { steps: readonly ChatStep[]; streaming: boolean }) {
  const tools = steps.filter((s) => s.kind.startsWith('tool')).length;
  if (streaming) {
    const hidden = Math.max(0, steps.length - LIVE_TAIL);
    return (
      <div className="chat-steps" aria-label={`${steps.length} agent steps`}>
        {hidden > 0 && (
          <div className="chat-steps__more">
            {hidden} earlier step{hidden === 1 ? '' : 's'}
          </div>
        )}
        {steps.slice(hidden).map((step, index) => (
          <StepRow key={hidden + index} step={step} live={hidden + index === steps.length - 1} />
        ))}
      </div>
    );
  }
  const list = (
    <div className="chat-steps" aria-label={`${steps.length} agent steps`}>
      {steps.map((step, index) => (
        <StepRow key={index} step={step} live={false} />
      ))}
    </div>
  );
  if (steps.length <= 3) return list;
  return (
    <div className="chat-steps__fold">
      <ExpandableSection
        variant="footer"
        headerText={`${steps.length} agent steps`}
        headerDescription={tools ? `${tools} tool ${tools === 1 ? 'event' : 'events'}` : undefined}
      >
        {list}
      </ExpandableSection>
    </div>
  );
}

function MetricsLine({ metrics }: { metrics: InvocationMetrics }) {
  const verdict = latencyVerdict(metrics);
  return (
    <>
      {metricItems(metrics).map((item) => (
        <span
          key={item.key}
          className={`chat-metric${item.key === 'status' && (metrics.httpStatus ?? 200) >= 400 ? ' chat-metric--bad' : ''}`}
          title={item.title}
        >
          <span className="chat-metric__label">{item.label}</span> {item.value}
        </span>
      ))}
      {verdict === 'cold' && (
        <span title="The runtime started a new microVM for this session: the first byte waited for the container to boot.">
          <Badge color="severity-medium">Cold start</Badge>
        </span>
      )}
      {verdict === 'slow' && (
        <span title="Over 10 s to the first byte on a warm session">
          <Badge color="severity-low">Slow first byte</Badge>
        </span>
      )}
      {metrics.traceId && <TraceId traceId={metrics.traceId} />}
    </>
  );
}

// The footer re-renders on every streamed frame (bytes, chunks); the copy buttons in it need not.
const TraceId = memo(function TraceId({ traceId }: { traceId: string }) {
  return (
    <span className="chat-metric chat-metric--trace">
      <span className="chat-metric__label">Trace</span>
      <CopyToClipboard
        variant="inline"
        textToCopy={traceId}
        textToDisplay={<span className="chat-mono">{traceId.length > 22 ? `${traceId.slice(0, 10)}…${traceId.slice(-8)}` : traceId}</span>}
        copyButtonAriaLabel="Copy trace id"
        copySuccessText="Trace id copied"
        copyErrorText="Could not copy the trace id"
      />
    </span>
  );
});

const RawToggle = memo(function RawToggle({ label, expanded, onToggle }: { label: string; expanded: boolean; onToggle: () => void }) {
  return (
    <span className="chat-message__raw-toggle">
      <Button variant="inline-link" onClick={onToggle} ariaExpanded={expanded}>
        {label}
      </Button>
    </span>
  );
});

/**
 * What a reply opens elsewhere: the agent's log lines around it (its runtime session marked, in the logs page's
 * history), or its invocation's span waterfall (model calls, tools, memory operations, with tokens).
 */
const replyLinks = {
  logs: { label: 'Logs', icon: 'transcript', ariaLabel: "Logs: open the agent's log lines around this reply", testId: 'chat-open-logs' },
  trace: { label: 'Trace', icon: 'share', ariaLabel: 'Trace: open the span waterfall of this reply', testId: 'chat-open-trace' },
} as const;

const ReplyLink = memo(function ReplyLink({ message, to, first = false }: { message: ChatMessage; to: keyof typeof replyLinks; first?: boolean }) {
  const actions = useMessageActions();
  if (to === 'logs' && !actions.hasLogs(message)) return null;
  const link = replyLinks[to];
  return (
    <span className={first ? 'chat-message__raw-toggle' : undefined}>
      <Button
        variant="inline-link"
        iconName={link.icon}
        onClick={() => (to === 'logs' ? actions.openMessageLogs(message) : actions.openMessageTrace(message))}
        ariaLabel={link.ariaLabel}
        data-testid={link.testId}
      >
        {link.label}
      </Button>
    </span>
  );
});

export function MessageFooter({ message, time }: { message: ChatMessage; time: string }) {
  const redact = useRedact();
  const [showRaw, setShowRaw] = useState(false);
  const toggleRaw = useCallback(() => setShowRaw((v) => !v), []);
  const hasRaw = message.raw !== undefined;
  return (
    <>
      <div className="chat-message__footer" data-testid="chat-message-metrics">
        <span className="chat-metric" title={new Date(message.createdAt).toLocaleString()}>
          {time}
        </span>
        {message.metrics && <MetricsLine metrics={message.metrics} />}
        {message.modelAccessIssue && (
          <span title="The agent answered, but its text reports that it could not call its model (missing model access, a cross-region or global inference profile without IAM permission, or an unsupported provider).">
            <Badge color="severity-high">Model access error reported by the agent</Badge>
          </span>
        )}
        {hasRaw && <RawToggle label={showRaw ? 'Hide raw' : message.role === 'user' ? 'Raw sent' : 'Raw'} expanded={showRaw} onToggle={toggleRaw} />}
        {message.role === 'assistant' && message.state !== 'streaming' && <ReplyLink message={message} to="logs" first={!hasRaw} />}
        {message.role === 'assistant' && message.state !== 'streaming' && message.metrics?.traceId && <ReplyLink message={message} to="trace" />}
      </div>
      {showRaw && hasRaw && (
        <div className="chat-raw">
          <div className="chat-raw__bar">
            <Box variant="small" color="text-body-secondary">
              {message.role === 'user' ? 'Exact bytes sent' : 'Exact bytes received'}
              {message.metrics ? ` · ${formatBytes(message.metrics.bytes)}` : ''}
              {message.rawTruncated ? ' · truncated: only the beginning is kept for very large replies' : ''}
            </Box>
            <CopyToClipboard
              variant="icon"
              textToCopy={message.raw ?? ''}
              copyButtonAriaLabel="Copy raw bytes"
              copySuccessText="Copied"
              copyErrorText="Could not copy"
            />
          </div>
          <pre className="chat-raw__body">{redact(message.raw ?? '')}</pre>
        </div>
      )}
    </>
  );
}

const actionLabel: Record<NonNullable<ChatError['action']>['kind'], string> = {
  retry: 'Retry',
  open_logs: 'Open logs at this time',
  refresh_fleet: 'Refresh fleet',
  set_bearer_token: 'Set bearer token',
};

export function MessageError({ message, error: stored }: { message: ChatMessage; error: ChatError }) {
  const actions = useMessageActions();
  const redact = useRedact();
  // An AWS error message names ARNs and sessions like any other text on screen.
  const error = { ...stored, message: redact(stored.message), ...(stored.hint ? { hint: redact(stored.hint) } : {}) };
  const action = error.action;
  const run = (): void => {
    if (!action) return;
    if (action.kind === 'retry') actions.retry(message.sessionId, message.id);
    else if (action.kind === 'open_logs') actions.openLogs(action);
    else if (action.kind === 'refresh_fleet') actions.refreshFleet();
    else actions.focusBearer();
  };
  // A stopped or dropped stream keeps its partial text: that is a warning about this reply, not a failure.
  const incomplete = message.state === 'incomplete';
  return (
    <div data-testid="chat-error" data-code={error.code}>
      <Alert
        type={incomplete ? 'warning' : 'error'}
        header={<span>{incomplete ? `Reply incomplete — ${error.message}` : error.message}</span>}
        action={action ? <Button onClick={run}>{actionLabel[action.kind]}</Button> : undefined}
      >
        {error.hint && <Box variant="p">{error.hint}</Box>}
        <Box variant="small" color="text-body-secondary">
          Error code <span className="chat-mono">{error.code}</span>
          {message.metrics?.totalMs !== undefined ? ` · ${incomplete ? 'ended' : 'failed'} after ${formatDuration(message.metrics.totalMs)}` : ''}
        </Box>
      </Alert>
    </div>
  );
}
