import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './electron/print/chromiumArgs.js';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs(),
    },
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
  },
});
