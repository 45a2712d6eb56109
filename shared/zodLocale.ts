/**
 * zod's built-in messages in Chinese, for every schema on both sides. Imported for its side
 * effect by shared/domain/common.ts and shared/contract/define.ts, which every schema reaches.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
