/**
 * Opening a .docx from outside the office. It is hostile input: a zip (bombs, lying sizes,
 * passwords), XML (DTDs, entities) and pictures of any size. The central directory is checked
 * before anything is inflated, only the parts a 审批表 needs are read, each under its own cap,
 * and the XML is parsed with no DTD and no entity expansion.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../shared/contract/define.js';
import { MAX_XML_BYTES } from '../lrmx/safeXml.js';
import { extractEntry, looksLikeZip, readCentralDirectory, type CentralEntry } from '../lrmx/zipInput.js';

const MB = 1024 * 1024;
/** A 审批表 .docx with a photo is well under 1 MB; 30 MB allows large scans and still refuses video. */
export const MAX_DOCX_BYTES = 30 * MB;
/** The photo is stored at most ~1.5 MB (the cadre file's photo limit). */
export const MAX_PHOTO_BYTES = 1_500_000;
/** A picture bigger than this is not a photo for a form: the whole file is refused. */
export const MAX_MEDIA_BYTES = 20 * MB;

/** Old binary Word (.doc) and other OLE compound files start with this signature. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const isLegacyDoc = (bytes: Uint8Array) => OLE.every((b, i) => bytes[i] === b);

export interface DocxPackage {
  fileName: string;
  /** word/document.xml, parsed in order (fast-xml-parser preserveOrder nodes). */
  body: XmlNode[];
  /** Relationship id → target path inside the package (word/media/…), for images. */
  rels: Map<string, string>;
  /** Reads a media part by its package path, within the photo limit; null when it is too large. */
  media(path: string): Uint8Array | null | 'too-big';
}

export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const refuse = (fileName: string, why: string) => new AppError('INVALID', `“${fileName}”${why}`);

export function openDocx(bytes: Uint8Array, fileName: string): DocxPackage {
  if (isLegacyDoc(bytes)) throw refuse(fileName, '是旧版 Word 文档（.doc），无法直接读取：请在 Word 或 WPS 中“另存为” .docx 格式后再导入');
  if (bytes.length > MAX_DOCX_BYTES) throw refuse(fileName, `有 ${(bytes.length / MB).toFixed(1)} MB，超过 ${MAX_DOCX_BYTES / MB} MB，不是正常的任免审批表 Word 文件`);
  if (!looksLikeZip(bytes)) throw refuse(fileName, '不是 Word（.docx）文件，或已损坏');
  let entries: CentralEntry[];
  try {
    entries = readCentralDirectory(bytes, fileName);
  } catch (e) {
    throw refuse(fileName, `已损坏，无法打开（${(e as Error).message}）`);
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/\\/g, '/'), e]));
  const part = (name: string, cap: number, what: string): Uint8Array | undefined => {
    const e = byName.get(name);
    if (!e) return undefined;
    if (e.flags & 0x41) throw refuse(fileName, '有密码保护，请在 Word 中取消密码后再导入');
    if (e.size > cap) throw refuse(fileName, `中的${what}解压后有 ${(e.size / MB).toFixed(1)} MB，超过 ${Math.round(cap / MB)} MB，不是正常的任免审批表；文件未导入`);
    if (e.method !== 0 && e.method !== 8) throw refuse(fileName, `用了不支持的压缩方式（${e.method}），请在 Word 中重新保存后再导入`);
    // Deflate never grows data by more than ~0.1 %; a larger entry is a crafted one.
    if (e.compressedSize > e.size + e.size / 500 + 1024) throw refuse(fileName, `中的${what}大小记录不符，可能是恶意构造的文件；文件未导入`);
    try {
      return extractEntry(bytes, e, fileName);
    } catch (err) {
      throw refuse(fileName, `中的${what}无法读取：${(err as Error).message}`);
    }
  };
  // Every picture is sized before any text is read: a file carrying a 50 MB "photo" is refused whole.
  for (const [name, e] of byName) {
    if (name.startsWith('word/media/') && e.size > MAX_MEDIA_BYTES) {
      throw refuse(fileName, `中的图片“${name.slice(11)}”有 ${(e.size / MB).toFixed(1)} MB，超过 ${MAX_MEDIA_BYTES / MB} MB，不是正常的任免审批表；文件未导入`);
    }
  }
  const docXml = part('word/document.xml', MAX_XML_BYTES, '正文（document.xml）');
  if (!docXml) throw refuse(fileName, '不是 Word（.docx）文件：缺少正文 word/document.xml');
  const body = parseOrdered(docXml, fileName, '正文');
  const relsXml = part('word/_rels/document.xml.rels', MB, '关系表');
  const rels = new Map<string, string>();
  if (relsXml) {
    for (const node of children(parseOrdered(relsXml, fileName, '关系表'), 'Relationships')) {
      const a = node[':@'];
      if (!a || !('Relationship' in node)) continue;
      const target = a['@_Target'] ?? '';
      if (a['@_TargetMode'] === 'External') continue;
      rels.set(a['@_Id'] ?? '', target.startsWith('/') ? target.slice(1) : `word/${target}`);
    }
  }
  return {
    fileName,
    body,
    rels,
    media: (path) => {
      const e = byName.get(path);
      if (!e) return null;
      if (e.size > MAX_PHOTO_BYTES) return 'too-big';
      return part(path, MAX_PHOTO_BYTES, '照片') ?? null;
    },
  };
}

function parseOrdered(bytes: Uint8Array, fileName: string, what: string): XmlNode[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw refuse(fileName, `的${what}不是 UTF-8 编码，文件可能已损坏`);
  }
  // No DTD at all: that rules out external entities (XXE) and entity expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw refuse(fileName, `的${what}含有 DTD 或实体声明（<!DOCTYPE / <!ENTITY>），为防范恶意文件已拒绝读取；Word 保存的文件不含这些内容`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw refuse(fileName, `的${what}不是完整的 XML（第 ${valid.err.line} 行：${valid.err.msg}），文件可能已损坏或未保存完`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser.parse(text) as XmlNode[];
}

/** The child nodes of the first element named `tag` among `nodes`. */
export function children(nodes: XmlNode[], tag: string): XmlNode[] {
  for (const n of nodes) if (tag in n) return (n[tag] as XmlNode[]) ?? [];
  return [];
}

/** The element name of a node (fast-xml-parser keeps attributes under ':@'). */
export function tagOf(n: XmlNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
