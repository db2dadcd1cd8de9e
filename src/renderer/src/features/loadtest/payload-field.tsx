/**
 * The payload each request sends, as in chat: `{{prompt}}` (and
 * `{{sessionId}}`, `{{userId}}`) in a JSON body. It starts as the agent's
 * own chat template; until edited here, main uses that template.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { DEFAULT_PAYLOAD_TEMPLATE } from '../../../../shared/chat';
import { useApiQuery } from '../../state/api-query';
import { checkTemplate, previewTemplate } from '../chat/payload';

interface Props {
  agentKey: string | null;
  value: string | null;
  error: string | undefined;
  onChange: (template: string | null) => void;
}

export function PayloadField({ agentKey, value, error, onChange }: Props) {
  const agentTemplate = useApiQuery('chat.template.get', { agentKey: agentKey ?? '' }, { enabled: agentKey !== null });
  const shown = value ?? agentTemplate.data?.template ?? DEFAULT_PAYLOAD_TEMPLATE;
  const check = checkTemplate(shown);
  return (
    <FormField
      label="Payload template"
      description={
        value === null
          ? 'The agent’s chat template (as chat sends it). Edit it here for this scenario only.'
          : 'This scenario’s own template. {{prompt}} is replaced by each prompt, JSON-escaped.'
      }
      errorText={error ?? (shown.includes('{{prompt}}') ? undefined : 'The template must contain {{prompt}} where the prompt goes.')}
      warningText={shown.includes('{{prompt}}') && !check.ok ? `${check.message ?? ''} — fine only if this agent reads a plain-text body.` : undefined}
      secondaryControl={
        value !== null ? (
          <Button onClick={() => onChange(null)} variant="normal">
            Use the agent’s template
          </Button>
        ) : undefined
      }
      stretch
    >
      <SpaceBetween size="xs">
        <Textarea value={shown} onChange={(e) => onChange(e.detail.value)} rows={2} spellcheck={false} ariaLabel="Payload template" />
        <Box variant="small" color="text-body-secondary">
          Sends: <span className="loadtest-mono">{previewTemplate(shown, 'Why is checkout-api slow?')}</span>
        </Box>
      </SpaceBetween>
    </FormField>
  );
}
