import { z } from 'zod';
import { method } from './define.js';

export const demoContract = {
  /** Fills an empty vault with 示例 data (refused once real records exist, so nothing real is mixed in). */
  'demo.load': method<{ villages: number; cadres: number }>()(z.object({})),
  /** Removes every 示例 record and the 示例 marker, leaving what users entered themselves. */
  'demo.clear': method<{ removed: number }>()(z.object({})),
};
