/** The per-agent payload template: what `{{prompt}}` is wrapped in before it is sent. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DEFAULT_PAYLOAD_TEMPLATE } from '../../../../shared/chat';
import { apiQueryKey } from '../../state/api-key';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { checkTemplate, previewTemplate } from './payload';
import { RedactedText } from '../../components/redacted-text';

/** The agent's template, loaded once per agent and shared by every composer. */
export function useTemplate(agentKey: string): { template: string; isDefault: boolean; loaded: boolean; save: (t: string) => Promise<void> } {
  const queryClient = useQueryClient();
  // On failure the default template below still works.
  const query = useApiQuery('chat.template.get', { agentKey });
  const { mutateAsync } = useApiMutation('chat.template.set', {
    onSuccess: (result, input) =>
      queryClient.setQueryData(apiQueryKey('chat.template.get', { agentKey: input.agentKey }), {
        template: result.template,
        isDefault: result.template === DEFAULT_PAYLOAD_TEMPLATE,
      }),
  });
  const save = async (template: string): Promise<void> => {
    await mutateAsync({ agentKey, template });
  };
  return { template: query.data?.template ?? DEFAULT_PAYLOAD_TEMPLATE, isDefault: query.data?.isDefault ?? true, loaded: query.data !== undefined, save };
}

export function TemplateEditor({
  agentName,
  template,
  onSave,
  onClose,
}: {
  agentName: string;
  template: string;
  onSave: (t: string) => Promise<void>;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(template);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => setDraft(template), [template]);
  const check = checkTemplate(draft);
  const hasPlaceholder = draft.includes('{{prompt}}');
  const save = (): void => {
    setSaving(true);
    setServerError(null);
    onSave(draft)
      .then(onClose)
      .catch((error: unknown) => setServerError(error instanceof Error ? error.message : String(error)))
      .finally(() => setSaving(false));
  };
  return (
    <div className="chat-template">
      <SpaceBetween size="s">
        <FormField
          label={`Payload template for ${agentName}`}
          description="Agents decide their own request shape. {{prompt}} is replaced by your prompt, JSON-escaped. Saved per agent."
          errorText={
            serverError !== null ? (
              <RedactedText text={serverError} />
            ) : hasPlaceholder ? undefined : (
              'The template must contain {{prompt}} where the prompt goes.'
            )
          }
          warningText={hasPlaceholder && !check.ok ? `${check.message ?? ''} — fine only if this agent reads a plain-text body.` : undefined}
          stretch
        >
          <Textarea
            invalid={!hasPlaceholder}
            warning={hasPlaceholder && !check.ok}
            value={draft}
            onChange={(e) => setDraft(e.detail.value)}
            rows={3}
            spellcheck={false}
            ariaLabel="Payload template"
          />
        </FormField>
        <Box variant="small" color="text-body-secondary">
          Sends: <span className="chat-mono">{previewTemplate(draft, 'Hello')}</span>
        </Box>
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="primary" onClick={save} disabled={!hasPlaceholder || draft === template} loading={saving}>
            Save template
          </Button>
          <Button onClick={() => setDraft(DEFAULT_PAYLOAD_TEMPLATE)} disabled={draft === DEFAULT_PAYLOAD_TEMPLATE}>
            Reset to default
          </Button>
          <Button onClick={() => setDraft('{"input": {"prompt": "{{prompt}}"}}')}>Use input.prompt</Button>
          <Button variant="link" onClick={onClose}>
            Close
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </div>
  );
}
