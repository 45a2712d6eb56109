/**
 * Older copies of a vault (backups, damaged copies kept by a restore) after a password change:
 * re-encrypted under the new password, or deleted. The summary is shared by the settings page
 * and the CLI so both say the same thing.
 */
export type OldCopiesChoice = 'reencrypt' | 'delete';

export interface OldCopiesReport {
  choice: OldCopiesChoice;
  /** How many copies were re-encrypted (or deleted). */
  done: number;
  /** Copies left as they were, by file name, with why: they may still open with an old password. */
  left: { file: string; reason: string }[];
}

export function oldCopiesSummary(r: OldCopiesReport): string {
  const head =
    r.choice === 'delete' ? (r.done ? `已删除 ${r.done} 份较早的备份。` : '没有较早的备份需要删除。')
    : r.done ? `${r.done} 份较早的备份已一并改用新密码重新加密（均已读回校验）。`
    : '没有较早的备份需要改用新密码。';
  if (!r.left.length) return `密码已修改。${head}原密码已打不开档案库和任何备份。`;
  const list = r.left.map((l) => `${l.file}（${l.reason}）`).join('；');
  return `密码已修改。${head}注意：${r.left.length} 份未能处理，可能仍可用原密码或更早的密码打开：${list}。可再次修改密码并选择“删除较早的备份”，或手动删除这些文件。`;
}
