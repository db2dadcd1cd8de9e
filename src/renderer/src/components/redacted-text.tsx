/** Text from AWS or an agent (an error message, a status reason) as it may be shown: masked in presentation mode. */
import { useRedact } from '../state/presentation';

export function RedactedText({ text }: { text: string }) {
  return <>{useRedact()(text)}</>;
}
