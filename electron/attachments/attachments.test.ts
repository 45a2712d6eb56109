import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDocument } from '../demo/generate.js';
import { Session } from '../store/session.js';
import { OpenVault, readVault } from '../vault/vault.js';
import { addAttachment, readAttachment, rotateAttachment, setAttachmentDeleted } from './catalogue.js';
import { newAttachmentId } from './fileCrypto.js';
import { backupFilesDir, filesDir, writeAttachmentFile } from './fileStore.js';
import { verifyAttachments } from './verifyText.js';
import { tinyPdf, tinyPng } from './testing/files.js';
import type { AppError } from '../../shared/contract/define.js';

const MARKER = 'MARKER-cadre-desk-plaintext-7f3a9c';
const dir = mkdtempSync(join(tmpdir(), 'cadre-attach-'));
const path = join(dir, 'vault.cdv');
const PASSWORD = 'attach-pass-1';
let s: Session;

function allFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(root, e.name)) : [join(root, e.name)]));
}

const rejection = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
};

beforeAll(async () => {
  s = new Session(await OpenVault.create(path, PASSWORD, buildDemoDocument({ cadres: 5, seed: 7 })), '李组织');
});
afterAll(() => {
  s.vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('encrypted attachment store', () => {
  it('keeps no plaintext of an attached file, its name or its title anywhere under the vault folder', async () => {
    const cadre = s.doc.cadres[0];
    const pdf = await addAttachment(s, { cadreId: cadre.id, fileName: `${MARKER}.pdf`, bytes: tinyPdf(MARKER), meta: { category: '学历学位职称', title: `毕业证书 ${MARKER}` } });
    await addAttachment(s, { cadreId: cadre.id, fileName: 'photo.png', bytes: tinyPng(8, 8, MARKER), meta: { category: '其他', title: '照片' } });
    s.vault.backup(); // the backup copies too
    expect(pdf.pages).toBe(1);
    expect(pdf.mime).toBe('application/pdf');
    const files = allFiles(dir);
    expect(files.some((f) => f.startsWith(filesDir(path)))).toBe(true);
    expect(files.some((f) => f.startsWith(backupFilesDir(path)))).toBe(true);
    for (const f of files) {
      expect(f.includes(MARKER), f).toBe(false);
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(MARKER, 'latin1')), f).toBe(false);
      expect(bytes.includes(Buffer.from(MARKER, 'utf16le')), f).toBe(false);
    }
    // Decrypted again, byte for byte.
    expect(readAttachment(s, pdf.id).bytes.equals(tinyPdf(MARKER))).toBe(true);
  });

  it('records who added what in the audit trail, in the same save', async () => {
    const { doc } = await readVault(path, PASSWORD);
    const adds = doc.audit.filter((a) => a.action === 'attachments.create');
    expect(adds.map((a) => a.operator)).toEqual(['李组织', '李组织']);
    expect(adds[0].summary).toContain(s.doc.cadres[0].name);
    expect(doc.attachments.map((a) => a.addedBy)).toEqual(['李组织', '李组织']);
  });

  it('refuses a file that is not PDF/JPEG/PNG/TIFF by its content, and one over the per-file cap, writing nothing', async () => {
    const before = readdirSync(filesDir(path)).length;
    const notImage = await rejection(addAttachment(s, { cadreId: s.doc.cadres[1].id, fileName: '扫描件.jpg', bytes: Buffer.from('PK\x03\x04 not a jpeg'), meta: { category: '其他', title: 'x' } }));
    expect(notImage.message).toContain('“扫描件.jpg”不是 PDF、JPEG、PNG 或 TIFF 文件');
    await s.mutate((doc) => {
      doc.settings.attachmentMaxFileMB = 1;
    });
    const big = Buffer.concat([tinyPdf('x'), Buffer.alloc(1024 * 1024 + 10)]);
    const tooBig = await rejection(addAttachment(s, { cadreId: s.doc.cadres[1].id, fileName: '大文件.pdf', bytes: big, meta: { category: '其他', title: 'x' } }));
    expect(tooBig.message).toContain('超过单个附件上限 1 MB');
    await s.mutate((doc) => {
      doc.settings.attachmentMaxFileMB = 50;
      doc.settings.attachmentMaxTotalMB = 10;
    });
    const big2 = Buffer.concat([tinyPdf('x'), Buffer.alloc(11 * 1024 * 1024)]);
    await s.mutate((doc) => {
      doc.settings.attachmentMaxFileMB = 50;
    });
    const overTotal = await rejection(addAttachment(s, { cadreId: s.doc.cadres[1].id, fileName: '大文件.pdf', bytes: big2, meta: { category: '其他', title: 'x' } }));
    expect(overTotal.message).toContain('附件总量将超过上限 10 MB');
    await s.mutate((doc) => {
      doc.settings.attachmentMaxTotalMB = 4096;
    });
    expect(readdirSync(filesDir(path)).length).toBe(before);
  });

  it('a save that fails leaves neither a catalogue entry nor its file', async () => {
    const before = readdirSync(filesDir(path)).sort();
    const entries = s.doc.attachments.length;
    const vault = s.vault as unknown as { saveInBackground: () => Promise<void> };
    const real = vault.saveInBackground;
    vault.saveInBackground = () => Promise.reject(new Error('disk gone'));
    try {
      await rejection(addAttachment(s, { cadreId: s.doc.cadres[2].id, fileName: 'a.png', bytes: tinyPng(), meta: { category: '其他', title: '不应留下' } }));
    } finally {
      vault.saveInBackground = real;
    }
    expect(s.doc.attachments.length).toBe(entries);
    expect(readdirSync(filesDir(path)).sort()).toEqual(before);
  });

  it('a flipped byte in one attachment: verify names it by cadre and 材料名称, and the vault still opens', async () => {
    const good = s.doc.attachments[1];
    const victim = await addAttachment(s, { cadreId: s.doc.cadres[3].id, fileName: 'b.pdf', bytes: tinyPdf('flip me'), meta: { category: '考核鉴定', title: '2024年度考核表' } });
    const f = join(filesDir(path), victim.id);
    const bytes = readFileSync(f);
    bytes[bytes.length - 30] ^= 0x01;
    writeFileSync(f, bytes);
    const { doc } = await readVault(path, PASSWORD); // the rest of the vault opens
    const report = verifyAttachments(path, doc);
    expect(report.checked).toBe(3);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toContain(s.doc.cadres[3].name);
    expect(report.problems[0].message).toContain('“2024年度考核表”已损坏');
    expect(readAttachment(s, good.id).bytes.length).toBe(good.size);
    expect(() => readAttachment(s, victim.id)).toThrow(/2024年度考核表/);
  });

  it('a missing file is named too', () => {
    const gone = s.doc.attachments[0];
    const f = join(filesDir(path), gone.id);
    const keep = readFileSync(f);
    rmSync(f);
    const report = verifyAttachments(path, s.doc);
    expect(report.problems.find((p) => p.id === gone.id)?.message).toContain('文件不见了');
    writeFileSync(f, keep);
  });

  it('delete to 回收站 and restore keep the file; rotate turns images only', async () => {
    const img = s.doc.attachments[1];
    await setAttachmentDeleted(s, img.id, true);
    expect(s.doc.attachments.find((a) => a.id === img.id)?.deletedAt).toBeTruthy();
    expect(existsSync(join(filesDir(path), img.id))).toBe(true);
    await setAttachmentDeleted(s, img.id, false);
    expect(s.doc.attachments.find((a) => a.id === img.id)?.deletedAt).toBeUndefined();
    expect((await rotateAttachment(s, img.id, 'left')).rotation).toBe(270);
    expect((await rotateAttachment(s, img.id, 'right')).rotation).toBe(0);
    expect((await rejection(rotateAttachment(s, s.doc.attachments[0].id, 'left'))).message).toContain('PDF 附件不能旋转');
  });

  it('a file written with no catalogue entry (crash before the save) is moved out on the next open', async () => {
    const orphan = newAttachmentId();
    writeAttachmentFile(path, orphan, tinyPng(), s.doc.attachmentKey);
    expect(existsSync(join(filesDir(path), orphan))).toBe(true);
    s.vault.close();
    s = new Session(await OpenVault.open(path, PASSWORD), '李组织');
    expect(existsSync(join(filesDir(path), orphan))).toBe(false);
    expect(readdirSync(filesDir(path)).sort()).toEqual(s.doc.attachments.map((a) => a.id).sort());
  });

  it('unlock reads no attachment file', async () => {
    const before = readdirSync(filesDir(path)).map((id) => statSync(join(filesDir(path), id)).atimeMs);
    // atime is unreliable (noatime/relatime), so also: unreadable files do not stop an unlock.
    for (const id of readdirSync(filesDir(path))) writeFileSync(join(filesDir(path), id), 'garbage');
    s.vault.close();
    s = new Session(await OpenVault.open(path, PASSWORD), '李组织');
    expect(before.length).toBeGreaterThan(0);
    expect(verifyAttachments(path, s.doc).problems.every((p) => p.problem === 'damaged')).toBe(true);
  });
});
