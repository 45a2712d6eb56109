/**
 * The `?` help dialog: every keyboard shortcut the app answers to, in one place, so keyboard-only users (and those who
 * find the mouse hard) can learn them. Opened with `?` anywhere outside a text field; the list is also what the
 * shortcuts do, so a new one is added here when it is added to the app.
 */
import { Kbd, Modal, Table } from '@mantine/core';
import { useEffect, useState } from 'react';

const SHORTCUTS: Array<[keys: string[][], what: string]> = [
  [[['?']], '打开本快捷键说明'],
  [[['Tab'], ['Shift', 'Tab']], '在按钮、输入框之间前后移动'],
  [[['Enter'], ['空格']], '按下当前按钮；空格勾选当前复选框'],
  [[['Esc']], '关闭对话框（焦点回到打开它的按钮）'],
  [[['/']], '聚焦本页搜索框（干部档案：姓名、拼音首字母、全拼、身份证号或电话片段）'],
  [[['↑'], ['↓']], '干部列表中上下选择；回车打开所选档案'],
  [[['PageUp'], ['PageDown']], '干部列表中翻页选择'],
  [[['空格'], ['Shift', '空格']], '干部列表中勾选当前行；Shift 连选'],
  [[['Ctrl', 'S']], '干部档案编辑中：保存'],
  [[['Ctrl', '+']], '字号放大一级（标准 → 大 → 特大）'],
  [[['Ctrl', '−']], '字号缩小一级'],
  [[['Ctrl', '0']], '字号恢复标准'],
  [[['←'], ['→'], ['↑'], ['↓']], '跨村任职人选比较表中逐格移动'],
];

function Keys({ keys }: { keys: string[][] }) {
  return (
    <>
      {keys.map((combo, i) => (
        <span key={i}>
          {i > 0 && ' / '}
          {combo.map((k, j) => (
            <span key={k}>
              {j > 0 && ' + '}
              <Kbd>{k}</Kbd>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

/** True when a key press is typing, not a command: text fields, selects and editable content keep their keys. */
export function isTyping(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  if (!t || !t.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable;
}

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey && !isTyping(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal opened={open} onClose={() => setOpen(false)} title="键盘快捷键" size="lg">
      <Table aria-label="键盘快捷键">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>按键</Table.Th>
            <Table.Th>作用</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Keys keys={keys} /></Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
