/**
 * The prompt box: Enter sends, Shift-Enter adds a line, Stop while a reply
 * streams. Two payload modes: the agent's template around the prompt, or a raw
 * JSON body sent as is (main's validation message shows inline).
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import PromptInput, { type PromptInputProps } from '@cloudscape-design/components/prompt-input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Textarea from '@cloudscape-design/components/textarea';
import { memo, useEffect, useRef, useState } from 'react';
import type { ChatSession } from '../../../../shared/chat';
import { kindOfKey } from '../../../../shared/fleet';
import type { SendInput } from './chat-store';
import { checkJson, previewTemplate } from './payload';
import { TemplateEditor, useTemplate } from './template-editor';

type Mode = 'template' | 'raw';
/** Unsent text per session, so switching tabs keeps what was typed. */
const drafts = new Map<string, { prompt: string; raw: string; mode: Mode }>();

export interface ComposerProps {
  session: ChatSession;
  streaming: boolean;
  onSend: (input: SendInput) => Promise<void>;
  onStop: () => void;
}

export const Composer = memo(function Composer({ session, streaming, onSend, onStop }: ComposerProps) {
  const saved = drafts.get(session.id);
  const [prompt, setPrompt] = useState(saved?.prompt ?? '');
  const [raw, setRaw] = useState(saved?.raw ?? '');
  const [mode, setMode] = useState<Mode>(saved?.mode ?? 'template');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editingTemplate, setEditingTemplate] = useState(false);
  const template = useTemplate(session.agentKey);
  const harness = kindOfKey(session.agentKey) === 'harness';
  const inputRef = useRef<PromptInputProps.Ref>(null);

  useEffect(() => {
    drafts.set(session.id, { prompt, raw, mode });
  }, [session.id, prompt, raw, mode]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [session.id]);

  const rawCheck = mode === 'raw' ? checkJson(raw) : { ok: true };
  const empty = mode === 'template' ? prompt.trim() === '' : !rawCheck.ok;
  const blocked = streaming || sending;

  const send = (): void => {
    if (empty || blocked) return;
    setSending(true);
    setError(null);
    const input: SendInput = mode === 'template' ? { prompt, mode } : { prompt: '', mode, raw };
    onSend(input)
      .then(() => {
        if (mode === 'template') setPrompt('');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setSending(false));
  };

  const switchMode = (next: Mode): void => {
    if (next === 'raw' && raw.trim() === '') setRaw(previewTemplate(template.template, prompt));
    setMode(next);
    setError(null);
  };

  const primary = streaming ? (
    <Button variant="primary" iconName="stop-circle" onClick={onStop} data-testid="chat-stop" ariaLabel="Stop the reply">
      Stop
    </Button>
  ) : (
    <Button variant="primary" iconName="send" onClick={send} disabled={empty || sending} loading={sending} data-testid="chat-send" ariaLabel="Send" />
  );

  const hint = streaming
    ? 'The agent is replying. Stop keeps the partial text.'
    : mode === 'template'
      ? prompt.trim() === ''
        ? 'Type a prompt to send · Enter sends · Shift+Enter adds a line'
        : `Enter sends · Shift+Enter adds a line · sent as ${template.isDefault ? 'the default' : 'this agent’s'} template`
      : rawCheck.ok
        ? 'The body is sent exactly as written (Ctrl+Enter sends)'
        : `Not valid JSON yet: ${rawCheck.message ?? ''}`;

  // A harness takes messages: no payload template, no raw body.
  const modeSwitch = harness ? (
    <div className="chat-composer__bar">
      <span className="chat-composer__hint">Sent to the harness as the next user message (InvokeHarness) · Enter sends · Shift+Enter adds a line</span>
    </div>
  ) : (
    <div className="chat-composer__bar">
      <SegmentedControl
        selectedId={mode}
        onChange={(e) => switchMode(e.detail.selectedId as Mode)}
        label="Payload mode"
        options={[
          { id: 'template', text: 'Prompt' },
          { id: 'raw', text: 'Raw JSON' },
        ]}
      />
      <Button variant="inline-link" iconName="edit" onClick={() => setEditingTemplate((v) => !v)} ariaExpanded={editingTemplate}>
        Template <span className="chat-mono chat-composer__template">{template.template}</span>
      </Button>
      <span className="chat-composer__hint">{hint}</span>
    </div>
  );

  return (
    <div className="chat-composer" data-testid="chat-composer" data-mode={mode}>
      {editingTemplate && (
        <TemplateEditor agentName={session.agentName} template={template.template} onSave={template.save} onClose={() => setEditingTemplate(false)} />
      )}
      {session.ended && (
        <Box variant="small" color="text-status-info">
          This runtime session was ended. Sending again starts a new runtime session id; the transcript continues here.
        </Box>
      )}
      {mode === 'template' ? (
        <FormField errorText={error ?? undefined} stretch>
          <PromptInput
            ref={inputRef}
            value={prompt}
            onChange={(e) => setPrompt(e.detail.value)}
            onAction={send}
            placeholder={`Message ${session.agentName}`}
            ariaLabel={`Message ${session.agentName}`}
            minRows={2}
            maxRows={10}
            customPrimaryAction={primary}
            secondaryContent={undefined}
            secondaryActions={modeSwitch}
          />
        </FormField>
      ) : (
        <FormField errorText={error ?? undefined} stretch>
          <div className="chat-composer__raw">
            <Textarea
              value={raw}
              onChange={(e) => setRaw(e.detail.value)}
              onKeyDown={(e) => {
                if (e.detail.key === 'Enter' && (e.detail.ctrlKey || e.detail.metaKey)) send();
              }}
              rows={6}
              spellcheck={false}
              invalid={!rawCheck.ok && raw !== ''}
              ariaLabel="Raw JSON body"
              placeholder='{"prompt": "…"}'
            />
            <div className="chat-composer__raw-bar">
              {modeSwitch}
              {primary}
            </div>
          </div>
        </FormField>
      )}
    </div>
  );
});
