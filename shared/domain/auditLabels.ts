/**
 * How the audit trail reads in Chinese: which 业务 an entry belongs to and what was done.
 * One table for the 操作日志 page, its filter and its Excel export, so they never disagree.
 */
import type { AuditEntry } from './audit.js';

/** The 业务 an official filters by; several collections can make up one. */
export const AUDIT_BUSINESSES = [
  { key: 'cadres', label: '干部档案', entities: ['cadres', 'attachments'] },
  { key: 'villages', label: '村居信息', entities: ['villages'] },
  { key: 'shadow', label: '书记跟班', entities: ['shadowBatches', 'shadowPlacements'] },
  { key: 'mentoring', label: '智库结对', entities: ['experts', 'mentorPairs'] },
  { key: 'villagePairs', label: '村居结对', entities: ['villagePairs'] },
  { key: 'cross', label: '跨村任职', entities: ['crossPilots', 'crossCandidates'] },
  { key: 'terms', label: '任期与提醒', entities: ['postRecords', 'villageTerms', 'reminderMarks', 'reserveRecords'] },
  { key: 'import', label: '导入', entities: ['importBatches', 'importTemplates'] },
  { key: 'settings', label: '设置', entities: ['settings'] },
  { key: 'vault', label: '档案库', entities: ['vault'] },
  { key: 'exchange', label: '数据交换', entities: ['exchange'] },
] as const;

export type AuditBusiness = (typeof AUDIT_BUSINESSES)[number]['key'] | 'other';
export const AUDIT_BUSINESS_KEYS: [AuditBusiness, ...AuditBusiness[]] = ['other', ...AUDIT_BUSINESSES.map((b) => b.key)];

const BY_ENTITY = new Map<string, AuditBusiness>(AUDIT_BUSINESSES.flatMap((b) => b.entities.map((e) => [e, b.key] as [string, AuditBusiness])));

export function auditBusiness(e: Pick<AuditEntry, 'action' | 'entity'>): AuditBusiness {
  // 'import.villages' is written against villages but is the import itself, not one village.
  if (e.action.startsWith('import.')) return 'import';
  return BY_ENTITY.get(e.entity) ?? 'other';
}

export function businessLabel(key: AuditBusiness): string {
  return AUDIT_BUSINESSES.find((b) => b.key === key)?.label ?? '其他';
}

/** Whole action codes whose wording differs from the verb's usual one. */
const ACTION_LABELS: Record<string, string> = {
  'vault.create': '创建档案库',
  'vault.restore': '从备份恢复',
  'vault.changePassword': '修改密码',
  'demo.load': '载入示例数据',
  'demo.clear': '清除示例数据',
  'import.commit': '导入',
  'import.villages': '导入村居',
  'import.undo': '撤销导入',
  'importTemplates.save': '保存导入模板',
  'lrmx.exportMany': '导出任免审批表',
  'shadowBatches.cancel': '取消期次',
  'shadowPlacements.stop': '中止跟班',
  'crossCandidates.step': '推进人选程序',
  'reminderMarks.update': '处理提醒',
  'reminderMarks.delete': '恢复提醒',
  'exchange.office': '设定本单位',
  'exchange.trust': '添加受信任单位',
  'exchange.trustReplace': '更换受信任单位公钥',
  'exchange.untrust': '移除受信任单位',
  'exchange.export': '导出数据包',
  'exchange.import': '导入数据包',
  'exchange.receipt': '读入回执',
};

const VERB_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '移入回收站',
  restore: '恢复',
  remove: '删除',
  activityAdd: '添加活动记录',
  activityUpdate: '修改活动记录',
  activityRemove: '删除活动记录',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? VERB_LABELS[action.slice(action.lastIndexOf('.') + 1)] ?? action;
}
