/** Help → Keyboard shortcuts. */
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import { paletteShortcut } from './top-bar';

const shortcuts: ReadonlyArray<[string, string]> = [
  [paletteShortcut, 'Go to a page or fleet resource'],
  ['/', 'Fleet: focus the filter'],
  ['j / k', 'Fleet: select the next / previous resource'],
  ['Enter', 'Fleet: open the selected resource'],
  ['Esc', 'Close a dialog'],
];

export function ShortcutsModal({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  return (
    <Modal visible={visible} onDismiss={onClose} header="Keyboard shortcuts">
      <KeyValuePairs columns={1} items={shortcuts.map(([key, action]) => ({ label: key, value: action }))} />
    </Modal>
  );
}
