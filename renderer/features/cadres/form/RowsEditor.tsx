/**
 * Editors for the file's lists: 简历, 年度考核, 家庭成员, 十不选, 亲属关系. One generic table
 * editor with add / move / remove; each cell shows its own error ("family.2.birth").
 */
import { ActionIcon, Button, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { ASSESSMENT_GRADES, POLITICAL_STATUSES } from '../../../../shared/domain/codes.js';
import { KINSHIP_KINDS, NEGATIVE_FLAG_KINDS } from '../../../../shared/domain/cadre.js';
import { parseDay, parseYearMonth } from '../../../../shared/rules/dates.js';
import type { FormValues } from '../formModel';
import { CodeInput, useForm, YmInput } from './FormContext';

type ListKey = 'resume' | 'assessments' | 'family' | 'negativeFlags' | 'relations';
type Item<K extends ListKey> = FormValues[K][number];

interface CellApi<T> {
  row: T;
  index: number;
  update: (patch: Partial<T>) => void;
  error: (field: string) => string | undefined;
  path: (field: string) => string;
}

interface Col<T> {
  label: string;
  width?: number | string;
  cell: (api: CellApi<T>) => ReactNode;
}

function RowsEditor<K extends ListKey>({ k, newRow, columns, empty, addLabel, reorder = false }: {
  k: K;
  newRow: () => Item<K>;
  columns: Col<Item<K>>[];
  empty: string;
  addLabel: string;
  reorder?: boolean;
}) {
  const f = useForm();
  const rows = f.values[k] as Item<K>[];
  const put = (next: Item<K>[]) => f.set(k, next as FormValues[K]);
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= rows.length) return;
    const next = rows.slice();
    [next[i], next[j]] = [next[j], next[i]];
    put(next);
  };
  return (
    <div data-rows-editor={k}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">{empty}</Text>
      ) : (
        <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} mb="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              {columns.map((c) => <Table.Th key={c.label} w={c.width}>{c.label}</Table.Th>)}
              {!f.readOnly && <Table.Th w={reorder ? 96 : 40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const api: CellApi<Item<K>> = {
                row,
                index,
                update: (patch) => put(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))),
                error: (field) => f.errors[`${k}.${index}.${field}`],
                path: (field) => `${k}.${index}.${field}`,
              };
              return (
                <Table.Tr key={index}>
                  <Table.Td>{index + 1}</Table.Td>
                  {columns.map((c) => <Table.Td key={c.label} style={{ verticalAlign: 'top' }}>{c.cell(api)}</Table.Td>)}
                  {!f.readOnly && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        {reorder && <ActionIcon size="sm" variant="subtle" aria-label={`第${index + 1}行上移`} onClick={() => move(index, -1)}>↑</ActionIcon>}
                        {reorder && <ActionIcon size="sm" variant="subtle" aria-label={`第${index + 1}行下移`} onClick={() => move(index, 1)}>↓</ActionIcon>}
                        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`删除第${index + 1}行`} onClick={() => put(rows.filter((_, i) => i !== index))}>✕</ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {f.errors[k] && <Text size="xs" c="red" mb="xs">{f.errors[k]}</Text>}
      {!f.readOnly && <Button size="xs" variant="light" onClick={() => put([...rows, newRow()])}>{addLabel}</Button>}
    </div>
  );
}

function Ym<T>({ api, field, label, placeholder }: { api: CellApi<T>; field: keyof T & string; label: string; placeholder?: string }) {
  const f = useForm();
  return (
    <YmInput
      size="xs"
      aria-label={`第${api.index + 1}行${label}`}
      path={api.path(field)}
      value={String(api.row[field] ?? '')}
      onChange={(v) => api.update({ [field]: v } as Partial<T>)}
      error={api.error(field)}
      readOnly={f.readOnly}
      onErrorChange={f.setError}
      label={undefined}
      placeholder={placeholder}
    />
  );
}

function Txt<T>({ api, field, label, placeholder }: { api: CellApi<T>; field: keyof T & string; label: string; placeholder?: string }) {
  const f = useForm();
  return (
    <TextInput
      size="xs"
      aria-label={`第${api.index + 1}行${label}`}
      placeholder={placeholder}
      value={String(api.row[field] ?? '')}
      onChange={(e) => api.update({ [field]: e.currentTarget.value } as Partial<T>)}
      error={api.error(field)}
      readOnly={f.readOnly}
    />
  );
}

function Choice<T>({ api, field, label, data }: { api: CellApi<T>; field: keyof T & string; label: string; data: readonly string[] }) {
  const f = useForm();
  return (
    <Select
      size="xs"
      aria-label={`第${api.index + 1}行${label}`}
      data={[...data]}
      value={String(api.row[field] ?? '') || null}
      onChange={(v) => v && api.update({ [field]: v } as Partial<T>)}
      error={api.error(field)}
      readOnly={f.readOnly}
      allowDeselect={false}
    />
  );
}

export function ResumeEditor() {
  return (
    <RowsEditor
      k="resume"
      reorder
      empty="尚无简历。按时间先后逐段填写，“止”留空表示至今。"
      addLabel="添加一段简历"
      newRow={() => ({ from: '', to: '', text: '' })}
      columns={[
        { label: '起', width: 110, cell: (a) => <Ym api={a} field="from" label="起" /> },
        { label: '止（空=至今）', width: 120, cell: (a) => <Ym api={a} field="to" label="止" placeholder="至今" /> },
        { label: '学习、工作经历及职务', cell: (a) => <Txt api={a} field="text" label="简历内容" placeholder="如 顺德区杏坛镇水藤村党委书记" /> },
      ]}
    />
  );
}

export function AssessmentEditor() {
  const f = useForm();
  const nextYear = () => {
    const years = f.values.assessments.map((x) => x.year);
    return years.length ? Math.max(...years) + 1 : new Date().getFullYear() - 1;
  };
  return (
    <RowsEditor
      k="assessments"
      empty="尚无年度考核记录。"
      addLabel="添加一年考核"
      newRow={() => ({ year: nextYear(), grade: '称职' })}
      columns={[
        {
          label: '年度',
          width: 120,
          cell: (a) => (
            <NumberInput size="xs" aria-label={`第${a.index + 1}行年度`} min={1950} max={2100} allowDecimal={false} value={a.row.year}
              onChange={(v) => a.update({ year: typeof v === 'number' ? v : Number(v) })} error={a.error('year')} readOnly={f.readOnly} />
          ),
        },
        { label: '等次', cell: (a) => <Choice api={a} field="grade" label="等次" data={ASSESSMENT_GRADES} /> },
      ]}
    />
  );
}

export function FamilyEditor() {
  const f = useForm();
  return (
    <RowsEditor
      k="family"
      reorder
      empty="尚无家庭成员。按审批表顺序填写配偶、子女、父母及重要社会关系。"
      addLabel="添加家庭成员"
      newRow={() => ({ relation: '', name: '', birth: '', politicalStatus: '', workUnit: '', idNumber: '' })}
      columns={[
        { label: '称谓', width: 90, cell: (a) => <Txt api={a} field="relation" label="称谓" placeholder="妻子" /> },
        { label: '姓名', width: 100, cell: (a) => <Txt api={a} field="name" label="姓名" /> },
        { label: '出生年月', width: 105, cell: (a) => <Ym api={a} field="birth" label="出生年月" /> },
        {
          label: '政治面貌',
          width: 130,
          cell: (a) => (
            <CodeInput size="xs" table={POLITICAL_STATUSES} ariaLabel={`第${a.index + 1}行政治面貌`} value={a.row.politicalStatus} onChange={(v) => a.update({ politicalStatus: v })} error={a.error('politicalStatus')} readOnly={f.readOnly} />
          ),
        },
        { label: '工作单位及职务', cell: (a) => <Txt api={a} field="workUnit" label="工作单位及职务" /> },
        { label: '身份证号码（回避核查用）', width: 190, cell: (a) => <Txt api={a} field="idNumber" label="家庭成员身份证号码" /> },
      ]}
    />
  );
}

function LooseDate<T>({ api, field, label }: { api: CellApi<T>; field: keyof T & string; label: string }) {
  const f = useForm();
  const value = String(api.row[field] ?? '');
  return (
    <TextInput
      size="xs"
      aria-label={`第${api.index + 1}行${label}`}
      placeholder="2023.04.10 或 2023.04"
      value={value}
      readOnly={f.readOnly}
      error={api.error(field)}
      onChange={(e) => api.update({ [field]: e.currentTarget.value } as Partial<T>)}
      onBlur={() => {
        if (f.readOnly || !value.trim()) return;
        const day = parseDay(value, label);
        const r = day.ok ? day : parseYearMonth(value, label);
        if (r.ok) {
          if (r.value !== value) api.update({ [field]: r.value } as Partial<T>);
          f.setError(api.path(field), null);
        } else f.setError(api.path(field), r.message);
      }}
    />
  );
}

export function NegativeFlagEditor() {
  return (
    <RowsEditor
      k="negativeFlags"
      empty="无十不选负面情形。"
      addLabel="登记一项负面情形"
      newRow={() => ({ kind: '其他不宜人选情形', date: '', source: '', note: '' })}
      columns={[
        { label: '情形', width: 210, cell: (a) => <Choice api={a} field="kind" label="情形" data={NEGATIVE_FLAG_KINDS} /> },
        { label: '日期', width: 140, cell: (a) => <LooseDate api={a} field="date" label="日期" /> },
        { label: '来源', width: 200, cell: (a) => <Txt api={a} field="source" label="来源" placeholder="如 区纪委函告" /> },
        { label: '备注', cell: (a) => <Txt api={a} field="note" label="备注" /> },
      ]}
    />
  );
}

export function RelationEditor() {
  return (
    <RowsEditor
      k="relations"
      empty="未登记需回避的亲属关系。"
      addLabel="添加亲属关系"
      newRow={() => ({ kind: '配偶', name: '', idNumber: '', note: '' })}
      columns={[
        { label: '关系', width: 160, cell: (a) => <Choice api={a} field="kind" label="关系" data={KINSHIP_KINDS} /> },
        { label: '姓名', width: 110, cell: (a) => <Txt api={a} field="name" label="亲属姓名" /> },
        { label: '身份证号码', width: 190, cell: (a) => <Txt api={a} field="idNumber" label="亲属身份证号码" /> },
        { label: '备注（任职单位等）', cell: (a) => <Txt api={a} field="note" label="亲属备注" /> },
      ]}
    />
  );
}
