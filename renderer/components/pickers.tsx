/**
 * Searchable pickers for a cadre or a village, used by every module that points at one.
 * Cadres match by name, pinyin initials/full pinyin or ID fragment, as in the main search box.
 */
import { Select, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { townName } from '../../shared/domain/towns.js';
import { matchesQuery } from '../../shared/rules/search.js';
import { useApi } from './useApi';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Restrict to these ids (e.g. a candidate pool). */
  only?: (id: string) => boolean;
};

export function CadrePicker({ value, onChange, only, ...rest }: PickerProps) {
  const { data } = useApi('cadre.list', { deleted: false });
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const rows = (data ?? []).filter((r) => (!only || only(r.id)) && (r.id === value || matchesQuery(r, query)));
    return rows.slice(0, 200).map((r) => ({ value: r.id, label: `${r.name}（${r.villageName || townName(r.townCode) || '未填村居'}${r.villagePost ? ' ' + r.villagePost : ''}）` }));
  }, [data, query, only, value]);
  return (
    <Select
      searchable
      clearable
      placeholder="输入姓名、拼音首字母或身份证号"
      nothingFoundMessage="没有匹配的干部"
      filter={({ options: o }) => o}
      searchValue={query}
      onSearchChange={setQuery}
      data={options}
      value={value}
      onChange={onChange}
      {...rest}
    />
  );
}

export function VillagePicker({ value, onChange, only, ...rest }: PickerProps) {
  const { data } = useApi('village.list', { deleted: false });
  const options = useMemo(
    () => (data ?? []).filter((v) => !only || only(v.id)).map((v) => ({ value: v.id, label: `${townName(v.townCode)} · ${v.name}` })),
    [data, only],
  );
  return <Select searchable clearable placeholder="选择村（社区）" nothingFoundMessage="没有匹配的村（社区）" data={options} value={value} onChange={onChange} {...rest} />;
}
