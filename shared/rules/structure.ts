/**
 * 结构分析: the make-up of the village 两委 teams per 镇街 and district-wide.
 * Pure, so the charts, the table, the CSV export and the tests all see the same numbers.
 *
 * Who counts:
 * - 班子成员 are the cadres in a 两委 post (书记/副书记/委员, 主任/副主任/委员, 一肩挑) of a live village.
 *   后备干部, 村民小组长 and the like are not members of the team.
 * - 书记 are 党组织书记 and 书记、主任一肩挑.
 * - 后备 are cadres in the post 后备干部 or tagged 后备 (a 委员 may be someone's reserve), each counted once.
 * - 书记岗位 = number of live villages (one 书记 post each, filled or vacant), so a vacancy does not
 *   flatter the reserve ratio.
 * Cadres with no village (or whose village is in the 回收站) cannot be placed in a 镇街 and are only
 * reported as `unassigned`.
 */
import { normalizeCode, EDUCATION_LEVELS, POLITICAL_STATUSES } from '../domain/codes.js';
import { TOWNS } from '../domain/towns.js';
import { ageAt } from './dates.js';

export const TEAM_POSTS = [
  '党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员', '书记、主任一肩挑',
] as const;
export const SECRETARY_POSTS = ['党组织书记', '书记、主任一肩挑'] as const;
export const AGE_BANDS = [
  { label: '35岁及以下', max: 35 },
  { label: '36–45岁', max: 45 },
  { label: '46–55岁', max: 55 },
  { label: '56岁及以上', max: Infinity },
] as const;
/** 后备 : 书记岗位 target of the district plan (two reserves for every post). */
export const RESERVE_TARGET_PER_POST = 2;

const COLLEGE = new Set<string>(['研究生', '大学', '大专']);
const PARTY = new Set<string>(['中共党员', '中共预备党员']);

export function isTeamPost(post: string | undefined): boolean {
  return !!post && (TEAM_POSTS as readonly string[]).includes(post);
}
export function isSecretaryPost(post: string | undefined): boolean {
  return !!post && (SECRETARY_POSTS as readonly string[]).includes(post);
}

export interface StructureCadre {
  /** Needed only when a 后备 lifecycle pool is given. */
  id?: string;
  sex: string;
  birth: string;
  politicalStatus: string;
  fullTimeEducation: { level: string };
  partTimeEducation: { level: string };
  villageId?: string;
  villagePost?: string;
  tags: readonly string[];
  deletedAt?: string;
}

export interface StructureVillage {
  id: string;
  townCode: string;
  deletedAt?: string;
}

export interface StructureGroup {
  /** null for the district total. */
  townCode: string | null;
  label: string;
  villages: number;
  members: number;
  /** Counts per AGE_BANDS entry, in that order. */
  ageBands: number[];
  secretaries: number;
  /** Mean age of 书记 at the reference date, one decimal; null when there are none. */
  avgSecretaryAge: number | null;
  women: number;
  college: number;
  party: number;
  oneShoulder: number;
  reserves: number;
  /** RESERVE_TARGET_PER_POST × 书记岗位. */
  reserveTarget: number;
}

export interface StructureReport {
  refDate: string;
  towns: StructureGroup[];
  district: StructureGroup;
  /** Live cadres in a 两委 post or reserve who are not linked to a live village. */
  unassigned: number;
}

/** Share of part in whole as a fraction, null when the whole is empty (shown as “—”). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Reserves per 书记 post (the “1:x” figure); target is RESERVE_TARGET_PER_POST. */
export function reservesPerPost(g: Pick<StructureGroup, 'reserves' | 'villages'>): number | null {
  return share(g.reserves, g.villages);
}

function emptyGroup(townCode: string | null, label: string): StructureGroup {
  return { townCode, label, villages: 0, members: 0, ageBands: AGE_BANDS.map(() => 0), secretaries: 0, avgSecretaryAge: null, women: 0, college: 0, party: 0, oneShoulder: 0, reserves: 0, reserveTarget: 0 };
}

/** Few distinct spellings occur, so each is normalized once (50k cadres analyse in a blink). */
function memo(test: (s: string) => boolean): (s: string) => boolean {
  const seen = new Map<string, boolean>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = test(s)));
    return v;
  };
}
const isCollegeLevel = memo((l) => COLLEGE.has(normalizeCode(EDUCATION_LEVELS, l) ?? l));
const isPartyStatus = memo((p) => PARTY.has(normalizeCode(POLITICAL_STATUSES, p) ?? p));

function isCollege(c: StructureCadre): boolean {
  return isCollegeLevel(c.fullTimeEducation.level) || isCollegeLevel(c.partTimeEducation.level);
}

function isParty(c: StructureCadre): boolean {
  return isPartyStatus(c.politicalStatus);
}

/**
 * 后备 from the lifecycle where a cadre has a record (counted while 入库 / 培养中 / 列为考察对象);
 * otherwise, for files never entered in it, the post 后备干部 or the tag 后备.
 */
export interface ReservePool {
  tracked: ReadonlySet<string>;
  active: ReadonlySet<string>;
}

function isReserve(c: StructureCadre, pool?: ReservePool): boolean {
  if (pool && c.id && pool.tracked.has(c.id)) return pool.active.has(c.id);
  return c.villagePost === '后备干部' || c.tags.includes('后备');
}

export function ageBandIndex(age: number): number {
  return AGE_BANDS.findIndex((b) => age <= b.max);
}

/**
 * @param refDate "YYYY.MM.DD" or "YYYY.MM": ages are whole years at this date, as on the 任免审批表.
 * @param townCode restrict `towns` to one 镇街; the district total is always over all of them.
 */
export function analyzeStructure(
  cadres: readonly StructureCadre[],
  villages: readonly StructureVillage[],
  refDate: string,
  townCode?: string,
  reserves?: ReservePool,
): StructureReport {
  const groups = new Map<string, StructureGroup>(TOWNS.map((t) => [t.code, emptyGroup(t.code, t.name)]));
  const district = emptyGroup(null, '全区');
  const townOfVillage = new Map<string, string>();
  for (const v of villages) {
    if (v.deletedAt || !groups.has(v.townCode)) continue;
    townOfVillage.set(v.id, v.townCode);
    groups.get(v.townCode)!.villages++;
    district.villages++;
  }

  const secretaryAgeSum = new Map<StructureGroup, number>();
  let unassigned = 0;
  for (const c of cadres) {
    if (c.deletedAt) continue;
    const member = isTeamPost(c.villagePost);
    const reserve = isReserve(c, reserves);
    if (!member && !reserve) continue;
    const town = c.villageId ? townOfVillage.get(c.villageId) : undefined;
    if (!town) {
      unassigned++;
      continue;
    }
    const age = ageAt(c.birth, refDate);
    for (const g of [groups.get(town)!, district]) {
      if (reserve) g.reserves++;
      if (!member) continue;
      g.members++;
      g.ageBands[ageBandIndex(age)]++;
      if (c.sex === '女') g.women++;
      if (isCollege(c)) g.college++;
      if (isParty(c)) g.party++;
      if (c.villagePost === '书记、主任一肩挑') g.oneShoulder++;
      if (isSecretaryPost(c.villagePost)) {
        g.secretaries++;
        secretaryAgeSum.set(g, (secretaryAgeSum.get(g) ?? 0) + age);
      }
    }
  }

  const all = [...groups.values(), district];
  for (const g of all) {
    g.reserveTarget = g.villages * RESERVE_TARGET_PER_POST;
    g.avgSecretaryAge = g.secretaries > 0 ? Math.round(((secretaryAgeSum.get(g) ?? 0) / g.secretaries) * 10) / 10 : null;
  }
  const towns = [...groups.values()].filter((g) => !townCode || g.townCode === townCode);
  return { refDate, towns, district, unassigned };
}

/** Percent with one decimal, or “—” when there is nothing to divide by. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** The table behind the charts, as rows of text: what the page shows and the CSV holds. */
export function structureTable(report: StructureReport): { header: string[]; rows: string[][] } {
  const header = [
    '镇街', '村（社区）数', '班子人数',
    ...AGE_BANDS.map((b) => b.label),
    '书记人数', '书记平均年龄', '女性', '女性占比', '大专及以上', '大专及以上占比',
    '党员', '党员占比', '一肩挑', '一肩挑占书记比例', '后备干部', '后备目标（1:2）', '后备与书记岗位比',
  ];
  const row = (g: StructureGroup): string[] => {
    const ratio = reservesPerPost(g);
    return [
      g.label, String(g.villages), String(g.members),
      ...g.ageBands.map(String),
      String(g.secretaries), g.avgSecretaryAge === null ? '—' : g.avgSecretaryAge.toFixed(1),
      String(g.women), formatShare(share(g.women, g.members)),
      String(g.college), formatShare(share(g.college, g.members)),
      String(g.party), formatShare(share(g.party, g.members)),
      String(g.oneShoulder), formatShare(share(g.oneShoulder, g.secretaries)),
      String(g.reserves), String(g.reserveTarget), ratio === null ? '—' : `1:${ratio.toFixed(2)}`,
    ];
  };
  return { header, rows: [...report.towns.map(row), row(report.district)] };
}

/** RFC 4180 CSV with a BOM so Excel on Chinese Windows opens it as UTF-8. */
export function toCsv(header: string[], rows: string[][], preface: string[] = []): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [...preface.map((p) => cell(p)), header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
