import { Button, Checkbox, Group, MultiSelect, Popover, SegmentedControl, Stack } from '@mantine/core';
import { memo, useMemo } from 'react';
import { EDUCATION_LEVELS, POLITICAL_STATUSES, TALENT_TAGS, VILLAGE_POSTS } from '../../../shared/domain/codes.js';
import { TOWNS } from '../../../shared/domain/towns.js';
import type { Village } from '../../../shared/domain/village.js';
import { AGE_BANDS, COLUMNS, DEFAULT_COLUMNS, hasFilters, NO_FILTERS, type CadreFilters, type ColumnKey } from './listModel';

const TOWN_OPTIONS = TOWNS.map((t) => ({ value: t.code, label: t.name }));
const AGE_OPTIONS = AGE_BANDS.map((b) => ({ value: b.value, label: b.label }));

interface Props {
  filters: CadreFilters;
  onChange: (f: CadreFilters) => void;
  villages: Village[];
}

/** Memoized: the search box re-renders the page on every keystroke, the filters need not. */
export const CadreFilterBar = memo(function CadreFilterBar({ filters, onChange, villages }: Props) {
  const set = <K extends keyof CadreFilters>(k: K, v: CadreFilters[K]) => onChange({ ...filters, [k]: v });
  // Villages follow the chosen 镇街 so the list stays short.
  const villageOptions = useMemo(
    () =>
      villages
        .filter((v) => filters.towns.length === 0 || filters.towns.includes(v.townCode))
        .map((v) => ({ value: v.id, label: `${TOWNS.find((t) => t.code === v.townCode)?.name ?? ''} · ${v.name}` })),
    [villages, filters.towns],
  );
  const common = { size: 'xs' as const, clearable: true, w: 150, comboboxProps: { withinPortal: true } };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <MultiSelect {...common} label="镇街" placeholder="全部" data={TOWN_OPTIONS} value={filters.towns} onChange={(v) => set('towns', v)} />
      <MultiSelect {...common} w={190} label="村（社区）" placeholder="全部" searchable data={villageOptions} value={filters.villages} onChange={(v) => set('villages', v)} nothingFoundMessage="没有匹配的村（社区）" />
      <MultiSelect {...common} w={170} label="村职务" placeholder="全部" data={[...VILLAGE_POSTS]} value={filters.posts} onChange={(v) => set('posts', v)} />
      <MultiSelect {...common} label="年龄段" placeholder="全部" data={AGE_OPTIONS} value={filters.ageBands} onChange={(v) => set('ageBands', v)} />
      <Stack gap={2}>
        <span style={{ fontSize: 12, fontWeight: 500 }}>性别</span>
        <SegmentedControl size="xs" data={[{ value: '', label: '全部' }, { value: '男', label: '男' }, { value: '女', label: '女' }]} value={filters.sex} onChange={(v) => set('sex', v)} aria-label="性别" />
      </Stack>
      <MultiSelect {...common} w={130} label="学历" placeholder="全部" data={[...EDUCATION_LEVELS]} value={filters.education} onChange={(v) => set('education', v)} />
      <MultiSelect {...common} label="政治面貌" placeholder="全部" data={[...POLITICAL_STATUSES]} value={filters.political} onChange={(v) => set('political', v)} />
      <Stack gap={2}>
        <span style={{ fontSize: 12, fontWeight: 500 }}>任职状态</span>
        <SegmentedControl size="xs" data={[{ value: '', label: '全部' }, { value: '在任', label: '在任' }, { value: '历史任职干部', label: '历史任职干部' }]} value={filters.serving ?? ''} onChange={(v) => set('serving', v as CadreFilters['serving'])} aria-label="任职状态" />
      </Stack>
      <MultiSelect {...common} w={160} label="人才类别" placeholder="全部" data={[...TALENT_TAGS]} value={filters.tags} onChange={(v) => set('tags', v)} />
      <Button size="xs" variant="subtle" disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)}>清除筛选</Button>
    </Group>
  );
});

export const ColumnChooser = memo(function ColumnChooser({ columns, onChange }: { columns: ColumnKey[]; onChange: (c: ColumnKey[]) => void }) {
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button size="xs" variant="default">选择列</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          {COLUMNS.map((c) => (
            <Checkbox
              key={c.key}
              size="xs"
              label={c.label}
              checked={columns.includes(c.key)}
              disabled={c.key === 'name'}
              onChange={(e) =>
                // Keep the table's column order whatever order boxes are ticked in.
                onChange(COLUMNS.map((x) => x.key).filter((k) => (k === c.key ? e.currentTarget.checked : columns.includes(k))))
              }
            />
          ))}
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(DEFAULT_COLUMNS)}>恢复默认列</Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
});
