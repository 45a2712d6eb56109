/**
 * 所在村（社区） text → village record. People write "水藤", "水藤村", "水藤村委会" or
 * "大良水藤村"; the match is by name within the 镇街 when the row names one.
 */
import { townName } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';

const SUFFIX = /(村民委员会|居民委员会|村委会|居委会|村委|居委|股份合作经济社|社区|村|居)$/;

function core(name: string, townCode: string): string {
  let s = name.replace(/[\s\u3000]/g, '');
  const t = townName(townCode);
  if (t) s = s.replace(new RegExp(`^${t}(街道|镇)?`), '');
  return s.replace(SUFFIX, '');
}

export type VillageLookup = (text: string, townCode?: string) => { village?: Village; warning?: string };

export function villageLookup(villages: Village[]): VillageLookup {
  const live = villages.filter((v) => !v.deletedAt);
  const byCore = new Map<string, Village[]>();
  for (const v of live) {
    const k = core(v.name, v.townCode);
    byCore.set(k, [...(byCore.get(k) ?? []), v]);
  }
  const exact = (name: string) => name.replace(/[\s\u3000]/g, '');
  const byExact = new Map<string, Village[]>();
  for (const v of live) byExact.set(exact(v.name), [...(byExact.get(exact(v.name)) ?? []), v]);
  const towns = [...new Set(live.map((v) => v.townCode))];
  return (text, townCode) => {
    // The full name as stored wins over a loose match ("水藤村" vs "大良水藤村").
    const same = (byExact.get(exact(text)) ?? []).filter((v) => !townCode || v.townCode === townCode);
    if (same.length === 1) return { village: same[0] };
    const cands = new Set<Village>();
    // Without a 镇街 column the town prefix (if any) can be in the text itself.
    const tries = townCode ? [core(text, townCode)] : [...new Set(towns.map((t) => core(text, t)))];
    for (const k of tries) for (const v of byCore.get(k) ?? []) cands.add(v);
    const list = [...cands].filter((v) => !townCode || v.townCode === townCode);
    if (list.length === 1) return { village: list[0] };
    const where = townCode ? `${townName(townCode)}` : '';
    if (list.length === 0) return { warning: `在${where}村居信息中找不到“${text}”，已导入但未关联村（社区）；请先在村居信息中添加` };
    return { warning: `“${text}”对应多个村（社区）（${list.map((v) => `${townName(v.townCode)}${v.name}`).join('、')}），请增加“镇街”列后再导入，或导入后手工关联` };
  };
}
