/** The list model lives in shared/rules/cadreList.ts: the privileged side sorts, filters and searches with it. */
export * from '../../../shared/rules/cadreList.js';
