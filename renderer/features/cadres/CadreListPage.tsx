/**
 * 干部档案 list: one search box over the rows already in memory (no round trip per keystroke),
 * facet filters, sortable and choosable columns, keyboard navigation, and the 回收站.
 */
import { Alert, Button, Group, Loader, SegmentedControl, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CadreRow } from '../../../shared/contract/cadre.js';
import type { Village } from '../../../shared/domain/village.js';
import { today } from '../../../shared/rules/dates.js';
import { invoke, onEvent } from '../../api/client';
import { navigate } from '../../app/router';
import { useApi } from '../../components/useApi';
import { CadreFilterBar, ColumnChooser } from './CadreFilterBar';
import { ExportListButton } from '../import/ExportListButton';
import { ExportLrmxButton } from './ExportLrmxButton';
import { CadreListPrintButton, ExportWordListButton } from '../print';
import { CadreTable, type CadreTableHandle } from './CadreTable';
import {
  clearCadreSelection,
  getCadreSelection,
  publishCurrentList,
  setCadreListState,
  setCadreSelection,
  useCadreListState,
  useCadreSelection,
} from './cadreFilterStore';
import { countShownSelected, headerCheck, pruneSelection, selectionSummary, tickRow, toggleAllShown } from './selectionModel';
import { useSearch } from './useSearch';
import { NoMatch } from '../../components/EmptyState';
import { describeFilters, facetPredicate, NO_FILTERS, sortRows, toListRows, type CadreFilters, type ColumnKey, type ListRow } from './listModel';
import './cadres.css';

const NO_VILLAGES: Village[] = [];
const setFilters = (filters: CadreFilters) => setCadreListState({ filters, selectedId: null });
const setColumns = (columns: ColumnKey[]) => setCadreListState({ columns });
const setView = (v: string) => {
  // Ticks belong to one view: 回收站 files cannot be exported or printed.
  clearCadreSelection();
  setCadreListState({ trash: v === 'trash', selectedId: null });
};
const VIEWS = [{ value: 'live', label: '在册档案' }, { value: 'trash', label: '回收站' }];

/** Title, 在册/回收站 switch and actions; memoized so typing in the search box leaves it alone. */
const ListHeader = memo(function ListHeader({ trash, columns }: { trash: boolean; columns: ColumnKey[] }) {
  return (
    <Group justify="space-between" mb="xs">
      <Group gap="sm">
        <Title order={1}>干部档案</Title>
        <SegmentedControl size="xs" data={VIEWS} value={trash ? 'trash' : 'live'} onChange={setView} />
      </Group>
      {/* Other modules may add list-wide actions here (导出当前列表, 批量打印). */}
      <Group gap="xs" data-cadre-list-actions>
        <ColumnChooser columns={columns} onChange={setColumns} />
        <ExportListButton trash={trash} />
        <ExportLrmxButton trash={trash} />
        <CadreListPrintButton />
        <ExportWordListButton />
        <Button size="xs" onClick={() => navigate('/cadres/new')}>新建档案</Button>
      </Group>
    </Group>
  );
});

/** Last loaded rows per view (live / 回收站) with the version they were loaded at. */
const cache = new Map<boolean, { rows: CadreRow[]; version: string }>();
let watchingLock = false;

/** Locking the vault must not leave 50k people's details in the window's memory. */
function forgetRowsOnLock(): void {
  if (watchingLock) return;
  watchingLock = true;
  onEvent((e) => {
    if (e.type !== 'locked') return;
    cache.clear();
    clearCadreSelection();
    publishCurrentList([], false, '');
  });
}

/**
 * The rows of one view. Coming back to the list shows the remembered rows at once and asks the
 * server only for a version string; the 50k rows are fetched again only when something changed.
 */
function useCadreRows(trash: boolean) {
  const [rows, setRows] = useState<CadreRow[] | null>(() => cache.get(trash)?.rows ?? null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const { version } = await invoke('cadre.listVersion', {});
      const hit = cache.get(trash);
      if (hit && hit.version === version) {
        setRows(hit.rows);
      } else {
        const fresh = await invoke('cadre.list', { deleted: trash });
        cache.set(trash, { rows: fresh, version });
        setRows(fresh);
      }
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [trash]);
  useEffect(() => {
    forgetRowsOnLock();
    setRows(cache.get(trash)?.rows ?? null);
    void reload();
  }, [trash, reload]);
  return { rows, error, reload };
}

export function CadreListPage() {
  const s = useCadreListState();
  const { rows, error, reload } = useCadreRows(s.trash);
  const villages = useApi('village.list', { deleted: false });
  const tableRef = useRef<CadreTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const refDate = useMemo(() => today(), []);
  const listRows = useMemo(() => toListRows(rows ?? [], refDate), [rows, refDate]);
  const sorted = useMemo(() => sortRows(listRows, s.sort), [listRows, s.sort]);
  const faceted = useMemo(() => sorted.filter(facetPredicate(s.filters)), [sorted, s.filters]);
  const shown = useSearch(faceted, s.query);

  const villageName = useMemo(() => {
    const m = new Map((villages.data ?? []).map((v) => [v.id, v.name]));
    return (id: string) => m.get(id) ?? id;
  }, [villages.data]);

  // Publish what is shown for 导出当前列表 and other modules acting on the current list.
  const description = useMemo(() => describeFilters(s.filters, villageName, s.query), [s.filters, villageName, s.query]);
  useEffect(() => publishCurrentList(shown, s.trash, description, sorted), [shown, s.trash, description, sorted]);

  // Ticks are kept by id across filters and searches; ids that left the view (deleted, reloaded) are dropped.
  const selection = useCadreSelection();
  useEffect(() => {
    if (rows !== null) setCadreSelection(pruneSelection(getCadreSelection(), listRows));
  }, [rows, listRows]);
  const shownSelected = useMemo(() => countShownSelected(selection.ids, shown), [selection.ids, shown]);
  const hiddenSelected = selection.ids.size - shownSelected;
  const tick = (i: number, shift: boolean) => setCadreSelection(tickRow(getCadreSelection(), shown, i, shift));

  const selectedIndex = useMemo(() => (s.selectedId ? shown.findIndex((r) => r.id === s.selectedId) : -1), [shown, s.selectedId]);

  // Back from a file, the row it was opened from is in view and still selected.
  const scrolledBack = useRef(false);
  useEffect(() => {
    if (scrolledBack.current || rows === null) return;
    scrolledBack.current = true;
    if (selectedIndex > 0) requestAnimationFrame(() => tableRef.current?.scrollToIndex(selectedIndex));
  }, [rows, selectedIndex]);

  const select = (i: number) => {
    if (shown.length === 0) return;
    const idx = Math.max(0, Math.min(shown.length - 1, i));
    setCadreListState({ selectedId: shown[idx].id });
    tableRef.current?.scrollToIndex(idx);
  };
  const open = (row: ListRow) => {
    setCadreListState({ selectedId: row.id });
    navigate(`/cadres/${encodeURIComponent(row.id)}`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = 15;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        select(selectedIndex + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        select(selectedIndex <= 0 ? 0 : selectedIndex - 1);
        break;
      case 'PageDown':
        e.preventDefault();
        select(selectedIndex + page);
        break;
      case 'PageUp':
        e.preventDefault();
        select(selectedIndex - page);
        break;
      case 'Enter': {
        // Typing a name and pressing Enter opens the first match: "find anyone in a keystroke".
        const row = shown[selectedIndex >= 0 ? selectedIndex : 0];
        if (row) {
          e.preventDefault();
          open(row);
        }
        break;
      }
      case ' ': {
        // Space ticks the cursor row — but types a space in the search box and still toggles a focused checkbox or presses a button.
        const t = e.target as HTMLElement;
        if (s.trash || t.closest('input, textarea, select, button')) break;
        e.preventDefault();
        if (selectedIndex >= 0) tick(selectedIndex, e.shiftKey);
        break;
      }
      case 'Escape':
        if (e.target === searchRef.current && s.query) setCadreListState({ query: '', selectedId: null });
        break;
    }
  };

  const onSort = (key: ColumnKey) => {
    const next = s.sort?.key !== key ? { key, dir: 'asc' as const } : s.sort.dir === 'asc' ? { key, dir: 'desc' as const } : null;
    setCadreListState({ sort: next });
  };

  const restore = async (row: ListRow) => {
    try {
      await invoke('cadre.restore', { id: row.id });
      notifications.show({ color: 'green', message: `已恢复 ${row.name} 的档案` });
      await reload();
    } catch (e) {
      notifications.show({ color: 'red', title: `未能恢复 ${row.name}`, message: (e as Error).message });
    }
  };

  const total = rows?.length ?? 0;
  return (
    <>
      <ListHeader trash={s.trash} columns={s.columns} />

      <TextInput
        ref={searchRef}
        data-search-box
        aria-label="搜索干部"
        placeholder="搜索：姓名、拼音首字母（wjg）、全拼、身份证号或电话片段 —— 按 / 聚焦，↑↓ 选择，回车打开"
        value={s.query}
        onChange={(e) => setCadreListState({ query: e.currentTarget.value, selectedId: null })}
        onKeyDown={onKeyDown}
        mb="xs"
        autoFocus
      />
      <CadreFilterBar filters={s.filters} onChange={setFilters} villages={villages.data ?? NO_VILLAGES} />

      <Group justify="space-between" my="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" data-testid="cadre-count" aria-live="polite">
            {s.trash ? '回收站：' : ''}显示 {shown.length} 人（共 {total} 人）
          </Text>
          {/* In the count line rather than a row of its own, so ticking does not push the grid down. */}
          {selection.ids.size > 0 && (
            <div className="cd-selection-bar" data-testid="cadre-selection-bar">
              <Text size="sm" fw={600} aria-live="polite">{selectionSummary(selection.ids.size, hiddenSelected)}</Text>
              <Text size="xs" c="dimmed">{hiddenSelected > 0 ? '导出、打印针对全部已选人员，含不在当前列表中的' : '导出、打印只针对已选人员'}</Text>
              <Button size="compact-xs" variant="subtle" onClick={clearCadreSelection}>清除选择</Button>
            </div>
          )}
        </Group>
        {description && <Text size="xs" c="dimmed" maw="60%" truncate="end">{description}</Text>}
      </Group>

      {error && <Alert color="red" mb="xs" title="无法载入干部列表">{error}</Alert>}
      {rows === null && !error ? (
        <Group gap="xs"><Loader size="sm" /><Text size="sm">正在载入干部列表…</Text></Group>
      ) : total === 0 ? (
        <Alert color="gray" title={s.trash ? '回收站是空的' : '还没有干部档案'}>
          {s.trash ? '删除的档案会先放在这里，可随时恢复。' : '点“新建档案”逐个录入，或到导入功能批量导入花名册。'}
        </Alert>
      ) : shown.length === 0 ? (
        <NoMatch what={s.trash ? '回收站档案' : '干部'} onClear={() => setCadreListState({ query: '', filters: NO_FILTERS, selectedId: null })} />
      ) : (
        <CadreTable
          ref={tableRef}
          rows={shown}
          columns={s.columns}
          sort={s.sort}
          onSort={onSort}
          selectedIndex={selectedIndex}
          onSelect={(i) => setCadreListState({ selectedId: shown[i]?.id ?? null })}
          onOpen={open}
          onKeyDown={onKeyDown}
          onRestore={s.trash ? restore : undefined}
          checked={s.trash ? undefined : selection.ids}
          onTick={tick}
          onTickAll={() => setCadreSelection(toggleAllShown(getCadreSelection(), shown))}
          headerCheck={headerCheck(shownSelected, shown.length)}
          height="max(320px, calc(100vh - var(--app-shell-header-height, 52px) - 250px))"
        />
      )}
    </>
  );
}
