import { createVault, expect, PASSWORD, test } from './fixtures.js';

test('first run → create vault → lock → wrong password → unlock', async ({ page, app }) => {
  // Console errors are what a support call would find first; the normal first-run path must have none (e.g. no favicon 404).
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await createVault(page, app);
  // A new vault's home page: nothing on file yet, and the creation already in the audit trail.
  await expect(page.getByRole('button', { name: /在册干部\s*0/ })).toBeVisible();
  await expect(page.getByText('尚未设立试点')).toBeVisible();
  await expect(page.getByRole('cell', { name: '创建档案库' })).toBeVisible();
  for (const label of ['干部档案', '书记跟班', '智库结对', '跨村任职', '村居结对', '村居信息', '设置']) {
    await expect(page.locator('nav').getByText(label, { exact: true })).toBeVisible();
  }

  // A toast belongs to the page that raised it: leaving the module clears it.
  await page.locator('nav').getByText('设置', { exact: true }).click();
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.locator('nav').getByText('首页', { exact: true }).click();
  // Well inside the 5 s auto-close, so only the clean-up on leaving can make it vanish.
  await expect(page.getByText('设置已保存')).toHaveCount(0, { timeout: 1000 });

  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '解锁档案库' })).toBeVisible();

  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toHaveText('密码错误');

  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('Chinese text renders with real CJK glyphs, not tofu boxes', async ({ page, app }) => {
  await page.goto(app.bridge.openUrl);
  await expect(page.getByRole('heading', { name: '欢迎使用村干部培育管理' })).toBeVisible();
  // A font with CJK glyphs draws distinct shapes for different characters; tofu draws the same box.
  const result = await page.evaluate(async () => {
    await document.fonts.ready;
    const draw = (ch: string) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const ctx = c.getContext('2d')!;
      ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(ch, 2, 32);
      return c.toDataURL();
    };
    const a = draw('村');
    const b = draw('部');
    const blank = draw(' ');
    return { differ: a !== b, inked: a !== blank };
  });
  expect(result.inked).toBe(true);
  expect(result.differ).toBe(true);
  const tofuFree = await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '村'));
  expect(tofuFree).toBe(true);
});

test('bridge refuses calls without the token, with a foreign Origin or Host', async ({ app }) => {
  const url = `${app.bridge.url}api/invoke`;
  const body = JSON.stringify({ method: 'vault.status', input: {} });
  const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cadre-token': app.bridge.token }, body });
  expect(ok.status).toBe(200);
  expect((await ok.json()).ok).toBe(true);

  const noToken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(noToken.status).toBe(401);
  // One character off; never the real token by chance (a random token can start with 'x' too).
  const wrongToken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cadre-token': (app.bridge.token[0] === 'x' ? 'y' : 'x') + app.bridge.token.slice(1) }, body });
  expect(wrongToken.status).toBe(401);
  const badOrigin = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cadre-token': app.bridge.token, origin: 'http://evil.example' },
    body,
  });
  expect(badOrigin.status).toBe(403);

  // fetch() will not let us forge Host, so speak HTTP directly.
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.bridge.port, path: '/api/invoke', method: 'POST', headers: { host: 'attacker.example:80', 'content-type': 'application/json', 'x-cadre-token': app.bridge.token } }, (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end(body);
  });
  expect(status).toBe(403);
});

test('bridge takes a call as large as a 100 MB zip in base64, and refuses a larger one by name', async ({ app }) => {
  const url = `${app.bridge.url}api/invoke`;
  const headers = { 'content-type': 'application/json', 'x-cadre-token': app.bridge.token };
  const call = (bytes: number) => JSON.stringify({ method: 'vault.status', input: {}, padding: 'A'.repeat(bytes) });
  const big = await fetch(url, { method: 'POST', headers, body: call(Math.ceil((100 * 1024 * 1024 * 4) / 3)) });
  expect(big.status).toBe(200);
  expect((await big.json()).ok).toBe(true);
  const tooBig = await fetch(url, { method: 'POST', headers, body: call(151 * 1024 * 1024) });
  expect(tooBig.status).toBe(413);
  expect(await tooBig.text()).toContain('请求过大（浏览器模式下一次最多 150 MB）');
});
