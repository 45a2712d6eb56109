/**
 * The navigation and the page for each path prefix. A feature adds one entry here.
 * `match` is the first path segment: "#/cadres/123" → 'cadres'.
 */
import type { ReactNode } from 'react';
import type { Route } from './router';
import { ImportPage } from '../features/import/ImportPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { VillagesPage } from '../features/villages/VillagesPage';
import { AnalysisPage } from '../features/analysis/AnalysisPage';
import { CadresModule } from '../features/cadres/CadresModule';
import { CrossPage } from '../features/cross/CrossPage';
import { ShadowPage } from '../features/programs/shadow/ShadowPage';
import { MentoringPage } from '../features/programs/mentoring/MentoringPage';
import { VillagePairsPage } from '../features/programs/villagePairs/VillagePairsPage';
import { RemindersPage } from '../features/reminders/RemindersPage';

export interface NavEntry {
  match: string;
  label: string;
  render: (route: Route) => ReactNode;
}

export const NAV: NavEntry[] = [
  { match: '', label: '首页', render: () => <HomePage /> },
  { match: 'reminders', label: '提醒', render: () => <RemindersPage /> },
  { match: 'cadres', label: '干部档案', render: (route) => <CadresModule route={route} /> },
  { match: 'villages', label: '村居信息', render: (route) => <VillagesPage route={route} /> },
  { match: 'analysis', label: '结构分析', render: () => <AnalysisPage /> },
  { match: 'shadow', label: '书记跟班', render: (route) => <ShadowPage route={route} /> },
  { match: 'mentoring', label: '智库结对', render: () => <MentoringPage /> },
  { match: 'cross', label: '跨村任职', render: (route) => <CrossPage route={route} /> },
  { match: 'village-pairs', label: '村居结对', render: () => <VillagePairsPage /> },
  { match: 'import', label: '导入导出', render: () => <ImportPage /> },
  { match: 'audit', label: '操作日志', render: () => <AuditLogPage /> },
  { match: 'settings', label: '设置', render: () => <SettingsPage /> },
];
