import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDemoDocument } from '../demo/generate.js';
import { Session } from '../store/session.js';
import { OpenVault, restoreBackup } from '../vault/vault.js';
import { addAttachment, readAttachment } from './catalogue.js';
import { backupFilesDir, filesDir } from './fileStore.js';
import { verifyAttachments } from './verifyText.js';
import { tinyPdf, tinyPng } from './testing/files.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-attach-backup-'));
const path = join(dir, 'vault.cdv');
const PW = 'backup-pass-1';
let s: Session;
const reopen = async (pw = PW) => {
  s.vault.close();
  s = new Session(await OpenVault.open(path, pw), '李组织');
};
const add = (n: number, title: string) => addAttachment(s, { cadreId: s.doc.cadres[n].id, fileName: `${title}.pdf`, bytes: tinyPdf(title), meta: { category: '履历材料', title } });
const copyStamp = (id: string) => {
  const st = statSync(join(backupFilesDir(path), id));
  return `${st.ino}:${st.mtimeMs}`;
};

beforeAll(async () => {
  s = new Session(await OpenVault.create(path, PW, buildDemoDocument({ cadres: 4, seed: 3 })), '李组织');
});
afterAll(() => {
  s.vault.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a backup copies each attachment file once: the next backup copies only the new one', async () => {
  const a = await add(0, '任免文件');
  const b = await add(1, '学位证书');
  s.vault.backup();
  expect(readdirSync(backupFilesDir(path)).sort()).toEqual([a.id, b.id].sort());
  const before = [copyStamp(a.id), copyStamp(b.id)];
  const c = await add(2, '考核表');
  s.vault.backup();
  expect(readdirSync(backupFilesDir(path)).sort()).toEqual([a.id, b.id, c.id].sort());
  expect([copyStamp(a.id), copyStamp(b.id)]).toEqual(before);
});

it('backup → delete → restore brings the files back, and verify finds them whole', async () => {
  const backup = s.vault.backups().at(-1)!.file;
  const ids = s.doc.attachments.map((x) => x.id);
  s.vault.close();
  rmSync(filesDir(path), { recursive: true, force: true });
  await restoreBackup(path, backup, PW);
  s = new Session(await OpenVault.open(path, PW), '李组织');
  expect(readdirSync(filesDir(path)).sort()).toEqual([...ids].sort());
  expect(verifyAttachments(path, s.doc).problems).toEqual([]);
  expect(readAttachment(s, ids[0]).bytes.equals(tinyPdf('任免文件'))).toBe(true);
});

it('restoring an older backup, then the newer state again, loses no file', async () => {
  const older = s.vault.backups()[0].file; // holds 任免文件 and 学位证书 only
  const late = await addAttachment(s, { cadreId: s.doc.cadres[3].id, fileName: 'p.png', bytes: tinyPng(), meta: { category: '其他', title: '补充照片' } });
  s.vault.close();
  await restoreBackup(path, older, PW); // keeps the replaced state as the newest backup
  s = new Session(await OpenVault.open(path, PW), '李组织');
  expect(s.doc.attachments.map((x) => x.title).sort()).toEqual(['任免文件', '学位证书'].sort());
  expect(existsSync(join(filesDir(path), late.id))).toBe(false); // not named by this state: moved out
  const newest = s.vault.backups().at(-1)!.file;
  s.vault.close();
  await restoreBackup(path, newest, PW);
  s = new Session(await OpenVault.open(path, PW), '李组织');
  expect(s.doc.attachments.map((x) => x.title)).toContain('补充照片');
  expect(readAttachment(s, late.id).bytes.equals(tinyPng())).toBe(true);
  expect(verifyAttachments(path, s.doc).problems).toEqual([]);
});

it('a password change leaves the files readable without re-encrypting them (their root key lives in the document)', async () => {
  const stamps = readdirSync(filesDir(path)).map((id) => `${id}:${statSync(join(filesDir(path), id)).mtimeMs}`);
  await s.vault.changePassword(PW, 'new-pass-2', 'reencrypt');
  await reopen('new-pass-2');
  expect(readdirSync(filesDir(path)).map((id) => `${id}:${statSync(join(filesDir(path), id)).mtimeMs}`)).toEqual(stamps);
  expect(verifyAttachments(path, s.doc).problems).toEqual([]);
  // A backup re-encrypted under the new password still reads its files.
  const first = s.vault.backups()[0].file;
  s.vault.close();
  rmSync(filesDir(path), { recursive: true, force: true });
  await restoreBackup(path, first, 'new-pass-2');
  s = new Session(await OpenVault.open(path, 'new-pass-2'), '李组织');
  expect(verifyAttachments(path, s.doc).problems).toEqual([]);
});
