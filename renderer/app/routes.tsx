/**
 * The navigation and the page for each path prefix. A feature adds one entry here.
 * `match` is the first path segment: "#/cadres/123" → 'cadres'.
 */
import type { ReactNode } from 'react';
import type { Route } from './router';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Placeholder } from '../features/home/Placeholder';

export interface NavEntry {
  match: string;
  label: string;
  render: (route: Route) => ReactNode;
}

export const NAV: NavEntry[] = [
  { match: '', label: '首页', render: () => <HomePage /> },
  { match: 'cadres', label: '干部档案', render: () => <Placeholder title="干部档案" /> },
  { match: 'villages', label: '村居信息', render: () => <Placeholder title="村居信息" /> },
  { match: 'analysis', label: '结构分析', render: () => <Placeholder title="结构分析" /> },
  { match: 'shadow', label: '书记跟班', render: () => <Placeholder title="书记跟班" /> },
  { match: 'mentoring', label: '智库结对', render: () => <Placeholder title="智库结对" /> },
  { match: 'cross', label: '跨村任职', render: () => <Placeholder title="跨村任职" /> },
  { match: 'village-pairs', label: '村居结对', render: () => <Placeholder title="村居结对" /> },
  { match: 'settings', label: '设置', render: () => <SettingsPage /> },
];
