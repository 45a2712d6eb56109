// First step of `npm test`: make sure Chromium, the CJK fonts, poppler and LibreOffice are there, installing
// them with apt-get when we are root (a fresh CI machine), or stopping with the one command to
// run. Without this a fresh `npm install && npm test` failed deep inside three test files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { planSystemSetup } from './systemPackages.mjs';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function detect() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // no fontconfig at all: treated as no CJK font
  }
  return {
    chromium: existsSync(chromiumPath),
    cjkFont: /Noto (Sans|Serif) CJK/i.test(fonts),
    pdftotext: onPath('pdftotext'),
    pdftoppm: onPath('pdftoppm'),
    soffice: onPath('soffice'),
  };
}

if (process.platform !== 'linux') {
  console.log('[npm test] 非 Linux 系统：请确认已安装 Chromium（或设置 CHROMIUM_PATH）、中文字体和 poppler。');
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const plan = planSystemSetup(detect(), { isRoot, hasApt: onPath('apt-get') });
if (plan.action === 'none') process.exit(0);
if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
console.log(`[npm test] 安装测试所需的系统软件包：${plan.packages.join(' ')}`);
for (const [cmd, ...args] of plan.commands) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`[npm test] ${cmd} ${args.join(' ')} 失败（退出码 ${r.status}）`);
    process.exit(1);
  }
}
const after = planSystemSetup(detect(), { isRoot, hasApt: true });
if (after.action !== 'none') {
  console.error(`[npm test] 安装后仍缺少：${after.packages.join(' ')}`);
  process.exit(1);
}
