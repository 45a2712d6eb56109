/**
 * XML from outside the office is parsed defensively: no DTD at all (so no external entities
 * and no entity expansion), a size cap, a nesting cap, and well-formedness checked first so a
 * broken file gets a message with its line number instead of a half-read record.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../shared/contract/define.js';

/** A 任免审批表 with a photo is well under 1 MB; 8 MB leaves room for large scans. */
export const MAX_XML_BYTES = 8 * 1024 * 1024;

export function decodeXmlBytes(bytes: Buffer, fileName: string): string {
  if (bytes.length > MAX_XML_BYTES) throw new AppError('INVALID', `“${fileName}”超过 8 MB，不是有效的任免审批表文件`);
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  // The national editor writes UTF-8; some older tools declared GB2312/GBK.
  if (declared && /^(gb2312|gbk|gb18030)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('INVALID', `“${fileName}”不是 UTF-8 编码的文本文件，无法读取`);
  }
}

const ENTITY = /&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;

/** The five predefined entities and character references; nothing else is ever expanded. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, name: string) => {
    const n = name.toLowerCase();
    if (n === 'lt') return '<';
    if (n === 'gt') return '>';
    if (n === 'amp') return '&';
    if (n === 'quot') return '"';
    if (n === 'apos') return "'";
    const code = n.startsWith('#x') ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function parseXmlSafely(text: string, fileName: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new AppError('INVALID', `“${fileName}”含有 DTD 或实体声明（<!DOCTYPE / <!ENTITY>），为防范恶意文件已拒绝读取；正常的任免审批表不含这些内容`);
  }
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(text);
  } catch {
    throw notWellFormed(fileName);
  }
  if (valid !== true) {
    throw new AppError('INVALID', `“${fileName}”不是完整的 XML 文件（第 ${valid.err.line} 行：${valid.err.msg}），可能已损坏或未保存完`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 20,
    isArray: (name) => name === 'Item',
  });
  // The validator lets a few broken forms through (an unclosed <?xml … declaration after other
  // text) that the parser then throws on in its own words.
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch {
    throw notWellFormed(fileName);
  }
}

function notWellFormed(fileName: string): AppError {
  return new AppError('INVALID', `“${fileName}”不是完整的 XML 文件，可能已损坏或未保存完`);
}
