/**
 * What `npm test` needs from the system besides node_modules: a Chromium to drive (Playwright
 * and the headless PDF engine), CJK fonts (without them Chinese renders as boxes and tests
 * still pass), poppler (the PDF checks) and LibreOffice (renders the .docx 审批表 to check it). Pure so it can be tested; `ensureSystem.mjs` runs it.
 */

/** Debian package → how we know it is there. */
export const NEEDS = [
  { pkg: 'chromium', what: 'Chromium 浏览器', present: (has) => has.chromium },
  { pkg: 'fonts-noto-cjk', what: '思源/Noto 中文字体', present: (has) => has.cjkFont },
  { pkg: 'poppler-utils', what: 'poppler（pdftotext / pdftoppm）', present: (has) => has.pdftotext && has.pdftoppm },
  // The .docx 审批表 tests convert to PDF with LibreOffice to check the layout as Word would print it.
  { pkg: 'libreoffice-writer-nogui', what: 'LibreOffice Writer（.docx 转 PDF 检查）', present: (has) => has.soffice },
];

/**
 * @param {{chromium: boolean, cjkFont: boolean, pdftotext: boolean, pdftoppm: boolean, soffice: boolean}} has
 * @param {{isRoot: boolean, hasApt: boolean}} env
 * @returns {{action: 'none'} | {action: 'install', packages: string[], commands: string[][]} | {action: 'stop', packages: string[], message: string}}
 */
export function planSystemSetup(has, env) {
  const missing = NEEDS.filter((n) => !n.present(has));
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((n) => n.pkg);
  const list = missing.map((n) => n.what).join('、');
  if (env.hasApt && env.isRoot) {
    return {
      action: 'install',
      packages,
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
      ],
    };
  }
  const command = env.hasApt ? `sudo apt-get install -y ${packages.join(' ')}` : `install ${packages.join(' ')} with your system's package manager (or set CHROMIUM_PATH)`;
  return {
    action: 'stop',
    packages,
    message: `测试需要 ${list}，本机缺少。Missing for the tests: ${packages.join(', ')}. Run:\n  ${command}\nthen npm test again.`,
  };
}
