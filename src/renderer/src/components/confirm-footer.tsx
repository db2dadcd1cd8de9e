/** The footer of a confirmation modal, as in the AWS console: Cancel, then the action, on the right. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

export function ConfirmFooter(props: {
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  confirmTestId?: string;
}) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button
          variant="primary"
          onClick={props.onConfirm}
          loading={props.loading ?? false}
          disabled={props.disabled ?? false}
          data-testid={props.confirmTestId}
        >
          {props.confirmLabel}
        </Button>
      </SpaceBetween>
    </Box>
  );
}
