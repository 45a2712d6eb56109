/**
 * The Chinese name of every stored field, one table per kind of record: the 操作日志 page's
 * changes, a file's 历史记录, the cadre form's error summary, the program pages' messages and the
 * handlers' refusals all read them here, so one field never goes by two names.
 */

/** 干部档案 fields (干部任免审批表 wording where the form has one). */
export const CADRE_FIELD_LABELS: Record<string, string> = {
  name: '姓名', sex: '性别', birth: '出生年月', ethnicity: '民族', nativePlace: '籍贯', birthPlace: '出生地',
  politicalStatus: '政治面貌', partyJoinDate: '入党时间', workStartDate: '参加工作时间', health: '健康状况',
  techTitle: '专业技术职务', expertise: '熟悉专业有何专长', fullTimeEducation: '全日制教育', partTimeEducation: '在职教育',
  currentPosition: '现任职务', proposedPosition: '拟任职务', proposedRemoval: '拟免职务', resume: '简历',
  rewards: '奖惩情况', assessmentText: '年度考核结果', assessments: '年度考核', appointmentReason: '任免理由',
  family: '家庭成员及重要社会关系', photo: '照片', reportingUnit: '呈报单位', filledBy: '填表人',
  idNumber: '身份证号码', phone: '联系电话', villageId: '所在村（社区）', villagePost: '村职务', postSince: '任现职时间',
  villageWorkSince: '开始从事村（社区）工作时间', tags: '人才类别', negativeFlags: '十不选负面情形', relations: '亲属关系（回避）',
  lrmxExtra: 'LRMX 其他字段', deletedAt: '删除时间', demo: '示例',
};

/** Fields inside a cadre's lists and sub-records (教育, 简历, 家庭成员, 年度考核…). */
export const CADRE_SUB_LABELS: Record<string, string> = {
  level: '学历', degree: '学位', levelSchool: '毕业院校系及专业', degreeSchool: '学位授予院校及专业',
  from: '起', to: '止', text: '内容', relation: '称谓', name: '姓名', birth: '出生年月', politicalStatus: '政治面貌',
  workUnit: '工作单位及职务', idNumber: '身份证号码', year: '年度', grade: '等次', kind: '类别', date: '日期', source: '来源', note: '备注',
};

/** 村（社区） fields. */
export const VILLAGE_FIELD_LABELS: Record<string, string> = {
  name: '名称', townCode: '镇街', kind: '类型', strength: '战斗力', weakLax: '软弱涣散', demonstration: '示范村',
  redVillage: '红色村', crossPilot: '跨村任职试点', vitality: '活力指数', note: '备注',
};

/** Fields of the 书记跟班 / 智库结对 / 村居结对 / 跨村任职 records (the forms' wording). */
export const PROGRAM_FIELD_LABELS: Record<string, string> = {
  name: '名称', year: '年度', youth: '青年干部期次', start: '开始日期', end: '结束日期', hosts: '跟班单位', capacity: '容量',
  cancelled: '取消', note: '备注', villageId: '村（社区）', townCode: '镇街', department: '部门', mentorName: '导师', mentorCadreId: '导师',
  cadreId: '干部', hostKey: '跟班单位', batchId: '期次', goals: '目标', grade: '等次', status: '状态', plannedEnd: '计划结束日期',
  stopped: '中止', evaluation: '鉴定', closed: '结束', mentorComment: '导师评语', reflection: '心得', attachments: '附件',
  kind: '结对类型', expertIds: '结对专家', targetKind: '结对对象', activities: '活动记录',
  helpedVillageId: '被帮扶村（社区）', partnerKind: '帮扶方类型', partnerVillageId: '帮扶村（社区）', partnerName: '帮扶方名称',
  date: '日期', form: '形式', hours: '时长（小时）', content: '内容', outcomes: '成效',
  unit: '单位', title: '职称职务', fields: '专业领域', phone: '联系电话', joined: '加入智库时间', left: '退出智库时间', leftReason: '退出原因',
  reason: '原因', pilotId: '试点', post: '拟任职务', referenceDate: '基准日期', filled: '任命', origin: '来源', steps: '程序', eligibility: '资格条件',
};

/** 设置 fields. */
export const SETTINGS_FIELD_LABELS: Record<string, string> = {
  autoLockMinutes: '自动锁定（分钟）', backupsToKeep: '保留备份份数', youthAgeLimit: '青年干部年龄上限', expertLoadLimit: '专家结对上限',
  villagePairTargets: '村居结对年度目标', familyColumn: '家庭成员栏', eligibility: '跨村任职资格条件', workCalendar: '法定节假日与调休',
};

/** The label of `key` in an audit entry of `entity` (the vault collection it was written against). */
export function fieldLabel(entity: string, key: string): string {
  const table = entity === 'cadres' ? CADRE_FIELD_LABELS : entity === 'villages' ? VILLAGE_FIELD_LABELS : entity === 'settings' ? SETTINGS_FIELD_LABELS : PROGRAM_FIELD_LABELS;
  return table[key] ?? PROGRAM_FIELD_LABELS[key] ?? key;
}
