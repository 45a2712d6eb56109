/**
 * 干部档案 list: one search box, facet filters, sortable and choosable columns, keyboard
 * navigation, and the 回收站. The rows come a window at a time from the privileged side
 * (useCadreWindow), which sorts, filters and searches them, so the page holds a few hundred
 * rows whether the vault has 2 000 files or 50 000.
 */
import { Alert, Button, Group, SegmentedControl, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Village } from '../../../shared/domain/village.js';
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
  getViewSpec,
  publishCurrentList,
  setCadreListState,
  setCadreSelection,
  useCadreListState,
  useCadreSelection,
  type ViewSpec,
} from './cadreFilterStore';
import { headerCheck, pruneSelection, selectionSummary, tickRow, toggleAllShown } from './selectionModel';
import { PAGE_SIZE, specKey, useCadreWindow, type CadreWindowApi } from './useCadreWindow';
import { describeFilters, NO_FILTERS, type CadreFilters, type ColumnKey, type ListRow } from './listModel';
import { Loading, NoMatch } from '../../components/EmptyState';
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

let watchingLock = false;

/** Locking the vault must not leave anyone's details or choices in the window's memory. */
function forgetOnLock(): void {
  if (watchingLock) return;
  watchingLock = true;
  onEvent((e) => {
    if (e.type !== 'locked') return;
    clearCadreSelection();
    publishCurrentList(null, 0, '');
  });
}

/** The ids of the rows shown, fetched when a selection needs them (to count ticks hidden by a filter). */
function useShownIds(win: CadreWindowApi, wanted: boolean): ReadonlySet<string> | null {
  const st = win.state;
  const [got, setGot] = useState<{ key: string; version: string; ids: ReadonlySet<string> } | null>(null);
  const fresh = got && st && got.key === st.key && got.version === st.version ? got.ids : null;
  useEffect(() => {
    if (!wanted || !st || fresh) return;
    let live = true;
    win.ids('shown').then(
      (r) => live && setGot({ key: st.key, version: st.version, ids: new Set(r.ids) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, st, fresh, win]);
  return fresh;
}

const asRows = (ids: string[]) => ids.map((id) => ({ id }));

export function CadreListPage() {
  const s = useCadreListState();
  const spec = useMemo<ViewSpec>(() => ({ deleted: s.trash, filters: s.filters, query: s.query, sort: s.sort }), [s.trash, s.filters, s.query, s.sort]);
  const win = useCadreWindow(spec, s.selectedId);
  const st = win.state;
  const villages = useApi('village.list', { deleted: false });
  const tableRef = useRef<CadreTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = st?.shown ?? 0;
  const total = st?.total ?? 0;

  const villageName = useMemo(() => {
    const m = new Map((villages.data ?? []).map((v) => [v.id, v.name]));
    return (id: string) => m.get(id) ?? id;
  }, [villages.data]);

  // Publish what is shown for 导出当前列表 and other modules acting on the current list.
  const description = useMemo(() => describeFilters(s.filters, villageName, s.query), [s.filters, villageName, s.query]);
  useEffect(() => {
    forgetOnLock();
    if (st) publishCurrentList(spec, st.shown, description);
  }, [spec, st, description]);

  // Ticks are kept by id across filters and searches; ids that left the view (deleted, restored elsewhere) are dropped.
  const selection = useCadreSelection();
  const version = st?.version;
  useEffect(() => {
    if (!version || getCadreSelection().ids.size === 0) return;
    let live = true;
    win.ids('all').then(
      (r) => live && setCadreSelection(pruneSelection(getCadreSelection(), asRows(r.ids))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version, win]);
  const shownIds = useShownIds(win, selection.ids.size > 0);
  const shownSelected = useMemo(() => {
    if (selection.ids.size === 0) return 0;
    if (!shownIds) return Math.min(selection.ids.size, shown);
    let n = 0;
    for (const id of selection.ids) if (shownIds.has(id)) n++;
    return n;
  }, [selection.ids, shownIds, shown]);
  const hiddenSelected = selection.ids.size - shownSelected;

  const tick = (i: number, shift: boolean) => {
    const sel = getCadreSelection();
    const row = win.rowAt(i);
    if (!shift || !sel.anchorId) {
      if (row) setCadreSelection(tickRow(sel, [row], 0, false));
      return;
    }
    // A range may reach rows not loaded: take the ids of the whole shown list.
    void win.ids('shown').then((r) => setCadreSelection(tickRow(getCadreSelection(), asRows(r.ids), i, true)));
  };
  const tickAll = () => void win.ids('shown').then((r) => setCadreSelection(toggleAllShown(getCadreSelection(), asRows(r.ids))));

  // Where the cursor row is: among the loaded pages, else where the server found it.
  const cursorHint = useRef<{ id: string; index: number } | null>(null);
  const selectedIndex = useMemo(() => {
    if (!s.selectedId || !st) return -1;
    if (cursorHint.current?.id === s.selectedId) return cursorHint.current.index;
    for (const [p, rows] of st.pages) {
      const i = rows.findIndex((r) => r.id === s.selectedId);
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return st.located;
  }, [st, s.selectedId]);

  // Back from a file, the row it was opened from is in view and still selected.
  const scrolledBack = useRef(false);
  useEffect(() => {
    if (scrolledBack.current || !st) return;
    scrolledBack.current = true;
    if (selectedIndex > 0) requestAnimationFrame(() => tableRef.current?.scrollToIndex(selectedIndex));
  }, [st, selectedIndex]);

  const cursorTo = (idx: number, id: string) => {
    cursorHint.current = { id, index: idx };
    setCadreListState({ selectedId: id });
  };
  const select = (i: number) => {
    if (!st || st.shown === 0) return;
    const idx = Math.max(0, Math.min(st.shown - 1, i));
    tableRef.current?.scrollToIndex(idx);
    const row = win.rowAt(idx);
    if (row) cursorTo(idx, row.id);
    else void win.fetchRow(idx).then((r) => r && cursorTo(idx, r.id));
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
        // Typing a name and pressing Enter opens the first match: "find anyone in a keystroke" —
        // of the rows for what was typed, so a key pressed before the answer came waits for it.
        e.preventDefault();
        const at = selectedIndex;
        void win.settled().then((now) => {
          const row = now?.pages.get(Math.floor(Math.max(0, at) / PAGE_SIZE))?.[Math.max(0, at) % PAGE_SIZE];
          if (row && now?.key === specKey(getViewSpec())) open(row);
        });
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
      win.reload();
    } catch (e) {
      notifications.show({ color: 'red', title: `未能恢复 ${row.name}`, message: (e as Error).message });
    }
  };

  const error = win.error;
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
          <Text size="sm" data-testid="cadre-count" data-query={st?.query} aria-live="polite">
            {s.trash ? '回收站：' : ''}显示 {shown} 人（共 {total} 人）
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
      {st === null && !error ? (
        <Loading what="干部列表" />
      ) : total === 0 ? (
        <Alert color="gray" title={s.trash ? '回收站是空的' : '还没有干部档案'}>
          {s.trash ? '删除的档案会先放在这里，可随时恢复。' : '点“新建档案”逐个录入，或到导入功能批量导入花名册。'}
        </Alert>
      ) : shown === 0 ? (
        <NoMatch what={s.trash ? '回收站档案' : '干部'} onClear={() => setCadreListState({ query: '', filters: NO_FILTERS, selectedId: null })} />
      ) : (
        <CadreTable
          ref={tableRef}
          count={shown}
          rowAt={win.rowAt}
          onRange={win.need}
          columns={s.columns}
          sort={s.sort}
          onSort={onSort}
          selectedIndex={selectedIndex}
          onSelect={(i) => {
            const row = win.rowAt(i);
            if (row) cursorTo(i, row.id);
          }}
          onOpen={open}
          onKeyDown={onKeyDown}
          onRestore={s.trash ? restore : undefined}
          checked={s.trash ? undefined : selection.ids}
          onTick={tick}
          onTickAll={tickAll}
          headerCheck={headerCheck(shownSelected, shown)}
          height="max(320px, calc(100vh - var(--app-shell-header-height, 52px) - 250px))"
        />
      )}
    </>
  );
}
