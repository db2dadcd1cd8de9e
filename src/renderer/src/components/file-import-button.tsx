/**
 * A button that opens the system's file picker for one file to import. The
 * file input itself stays hidden (its look cannot be styled); choosing the same
 * file twice still fires, because the input is emptied after each pick.
 */
import Button from '@cloudscape-design/components/button';
import { useRef, type ReactNode } from 'react';

export interface FileImportButtonProps {
  children: ReactNode;
  /** The file input's accept list, e.g. ".json,application/json". */
  accept: string;
  /** The button's test id; the hidden input's is the same with "-file". */
  testId: string;
  onFile: (file: File) => void;
  loading?: boolean;
  disabled?: boolean;
  disabledReason?: string;
}

export function FileImportButton({ children, accept, testId, onFile, loading = false, disabled = false, disabledReason }: FileImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        iconName="upload"
        onClick={() => input.current?.click()}
        loading={loading}
        disabled={disabled}
        {...(disabledReason !== undefined ? { disabledReason } : {})}
        data-testid={testId}
      >
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={`${testId}-file`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
