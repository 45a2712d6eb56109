/** Chinese names of the fields an audit entry's before/after can hold, per collection. */
import { FIELD_LABELS as CADRE_FIELDS } from '../cadres/formModel';
import { FIELD_LABELS as VILLAGE_FIELDS } from '../villages/VillageDetail';

/** Fields of the 书记跟班 / 智库结对 / 村居结对 / 跨村任职 records. */
const PROGRAM_FIELDS: Record<string, string> = {
  name: '名称', year: '年度', youth: '青年干部期次', hosts: '跟班单位', cancelled: '取消', note: '备注',
  batchId: '期次', hostKey: '跟班单位', cadreId: '干部', start: '开始日期', end: '结束日期', goals: '目标',
  status: '状态', plannedEnd: '计划结束日期', stopped: '中止', evaluation: '鉴定', closed: '结束',
  kind: '类型', expertIds: '结对专家', targetKind: '结对对象', villageId: '村（社区）', activities: '活动记录',
  helpedVillageId: '被帮扶的村（社区）', partnerKind: '帮扶方类型', partnerVillageId: '帮扶村（社区）', partnerName: '帮扶方名称',
  date: '日期', form: '形式', hours: '时长（小时）', content: '内容', outcomes: '成效',
  unit: '单位', title: '职称', fields: '专业领域', phone: '联系电话', joined: '入库时间', left: '退出时间', leftReason: '退出原因',
  pilotId: '试点', post: '拟任职务', referenceDate: '基准日期', filled: '任命', origin: '来源', steps: '程序', eligibility: '资格条件',
};

const SETTINGS_FIELDS: Record<string, string> = {
  autoLockMinutes: '自动锁定（分钟）', backupsToKeep: '保留备份份数', youthAgeLimit: '青年干部年龄上限', expertLoadLimit: '专家结对上限',
  villagePairTargets: '村居结对年度目标', familyColumn: '家庭成员栏', eligibility: '跨村任职资格条件', workCalendar: '法定节假日与调休',
};

export function fieldLabel(entity: string, key: string): string {
  const table = entity === 'cadres' ? CADRE_FIELDS : entity === 'villages' ? VILLAGE_FIELDS : entity === 'settings' ? SETTINGS_FIELDS : PROGRAM_FIELDS;
  return table[key] ?? PROGRAM_FIELDS[key] ?? key;
}
