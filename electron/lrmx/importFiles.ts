/**
 * Many .lrmx files in one go: each file is read and validated on its own (a broken file is
 * reported and left out, never half-read); the good ones become one import batch.
 * A .zip among them stands for the .lrmx files inside it; a zip that cannot be read safely
 * (damaged, password, over the limits) is refused whole, as one line.
 */
import { AppError } from '../../shared/contract/define.js';
import type { LrmxFileReport } from '../../shared/contract/import.js';
import { cadreInputSchema, type Cadre } from '../../shared/domain/cadre.js';
import { mergeAssessments } from '../../shared/rules/assessment.js';
import type { BatchCreate, BatchUpdate } from '../importer/batchRows.js';
import { FIELD_BY_KEY } from '../importer/fields.js';
import { editableFields } from '../importer/merge.js';
import { LRMX_PATHS, parseLrmx } from './lrmx.js';
import { ZIP_PATH_SEPARATOR, isLrmxName, isZipName, looksLikeZip, lrmxFilesFromZip } from './zipInput.js';

const FIELD_LABELS: Record<string, string> = {
  name: '姓名（XingMing）', sex: '性别（XingBie）', birth: '出生年月（ChuShengNianYue）', idNumber: '身份证号码（ShenFenZheng）',
  photo: '照片（ZhaoPian）', resume: '简历（JianLi）', family: '家庭成员（JiaTingChengYuan）', relations: '亲属关系（回避）',
  proposedPosition: '拟任职务', proposedRemoval: '拟免职务', appointmentReason: '任免理由', reportingUnit: '呈报单位', filledBy: '填表人',
  'fullTimeEducation.degreeSchool': '全日制学位毕业院校系及专业', 'partTimeEducation.degreeSchool': '在职学位毕业院校系及专业',
};
const labelOf = (path: string) => FIELD_LABELS[path] ?? FIELD_BY_KEY.get(path)?.label ?? FIELD_LABELS[path.split('.')[0]] ?? path;

export interface LrmxInputs {
  /** The .lrmx files to read, with a report line in place of each zip that could not be opened; in the order given. */
  files: ({ fileName: string; bytes: Buffer } | { refused: LrmxFileReport })[];
  /** Files inside zips that are not .lrmx (e.g. the 清单.csv of 批量导出), as `<zip> › <name>`. */
  skipped: string[];
}

/** Opens every zip among the inputs; plain .lrmx files pass through in place. */
export function expandLrmxInputs(inputs: { fileName: string; bytes: Buffer }[]): LrmxInputs {
  const out: LrmxInputs = { files: [], skipped: [] };
  for (const f of inputs) {
    // A zip saved without its extension (or as .xml) is still opened as one; a .lrmx name is taken at its word.
    if (!isZipName(f.fileName) && !(looksLikeZip(f.bytes) && !isLrmxName(f.fileName))) {
      out.files.push(f);
      continue;
    }
    try {
      const z = lrmxFilesFromZip(f.bytes, f.fileName);
      out.skipped.push(...z.skipped.map((n) => `${f.fileName}${ZIP_PATH_SEPARATOR}${n}`));
      if (z.files.length === 0) throw new AppError('INVALID', `压缩包“${f.fileName}”中没有 .lrmx 任免审批表文件`);
      out.files.push(...z.files);
    } catch (e) {
      // A reader's own error text ("Cannot read properties…") means nothing to the user.
      const message = e instanceof AppError ? e.message : `无法读取压缩包“${f.fileName}”：文件已损坏或不是 zip 文件`;
      out.files.push({ refused: { file: f.fileName, status: 'refused', message, warnings: [] } });
    }
  }
  return out;
}

export function importLrmxFiles(
  inputs: { fileName: string; bytes: Buffer }[],
  cadres: Cadre[],
  existing: 'update' | 'skip',
): { reports: LrmxFileReport[]; create: BatchCreate[]; update: BatchUpdate[]; skipped: string[] } {
  const { files, skipped } = expandLrmxInputs(inputs);
  const live = new Map<string, Cadre>();
  for (const c of cadres) if (!c.deletedAt) live.set(c.idNumber, c);
  const reports: LrmxFileReport[] = [];
  const create: BatchCreate[] = [];
  const update: BatchUpdate[] = [];
  const inBatch = new Map<string, string>();
  for (const item of files) {
    if ('refused' in item) {
      reports.push(item.refused);
      continue;
    }
    const { fileName, bytes } = item;
    try {
      const { data, warnings } = parseLrmx(bytes, fileName);
      const r = cadreInputSchema.safeParse(data);
      if (!r.success) {
        const i = r.error.issues[0];
        const field = i.path.join('.');
        const message = field === 'photo' ? '照片太大（超过约 1.5 MB），请在任免审批表编辑器中压缩照片后重新导出' : i.message;
        throw new AppError('INVALID', `${labelOf(field)}：${message}`);
      }
      const fields = r.data;
      const first = inBatch.get(fields.idNumber);
      if (first) throw new AppError('CONFLICT', `与“${first}”是同一人（身份证号码 ${fields.idNumber}），本文件未导入`);
      inBatch.set(fields.idNumber, fileName);
      const current = live.get(fields.idNumber);
      if (!current) {
        create.push({ row: fileName, data: fields });
        reports.push({ file: fileName, status: 'created', name: fields.name, message: '新建档案', warnings });
      } else if (existing === 'skip') {
        reports.push({ file: fileName, status: 'skipped', name: current.name, cadreId: current.id, message: `已有 ${current.name} 的档案，未覆盖`, warnings });
      } else {
        // Only the 任免审批表 fields are replaced; 村 work fields (职务, 村居, 电话…) stay.
        const merged: Record<string, unknown> = structuredClone(editableFields(current));
        for (const path of LRMX_PATHS) {
          const [a, b] = path.split('.');
          const v = (fields as unknown as Record<string, Record<string, unknown>>)[a];
          merged[a] = b === undefined ? v : { ...(merged[a] as object), [b]: v[b] };
        }
        merged.lrmxExtra = fields.lrmxExtra;
        // Years the file's 考核 text names replace the stored ones; earlier years stay on file.
        merged.assessments = mergeAssessments(current.assessments, fields.assessments);
        // The stored record may not pass today's rules (a 姓名 saved before they existed): then it differs.
        const after = cadreInputSchema.safeParse(merged);
        if (!after.success) {
          const i = after.error.issues[0];
          throw new AppError('INVALID', `与 ${current.name} 的已有档案合并后，${labelOf(i.path.join('.'))}：${i.message}；请先在档案中改正后再导入`);
        }
        const before = cadreInputSchema.safeParse(editableFields(current));
        if (before.success && JSON.stringify(after.data) === JSON.stringify(before.data)) {
          reports.push({ file: fileName, status: 'skipped', name: current.name, cadreId: current.id, message: `与 ${current.name} 的已有档案相同，无需更新`, warnings });
          continue;
        }
        update.push({ row: fileName, cadreId: current.id, updatedAt: current.updatedAt, data: merged });
        reports.push({ file: fileName, status: 'updated', name: current.name, cadreId: current.id, message: `已更新 ${current.name} 的任免审批表信息`, warnings });
      }
    } catch (e) {
      const message = e instanceof AppError ? e.message : `无法读取“${fileName}”：文件已损坏或不是任免审批表文件`;
      reports.push({ file: fileName, status: 'refused', message, warnings: [] });
    }
  }
  return { reports, create, update, skipped };
}
