/**
 * 操作日志 (#/audit): who changed what, when — the whole audit trail, newest first, filtered on
 * the server and paged, with the chain check on top and an Excel export of what is filtered.
 */
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import type { AuditFilter, AuditLogEntry } from '../../../shared/contract/audit.js';
import { actionLabel, AUDIT_BUSINESSES, businessLabel, type AuditBusiness } from '../../../shared/domain/auditLabels.js';
import { parseDay } from '../../../shared/rules/dates.js';
import { invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { auditTime, changedKeys, FieldChanges, showValue } from '../../components/AuditChanges';
import { useApi } from '../../components/useApi';
import { DateField } from '../programs/common';
import { fieldLabel } from '../../../shared/domain/fieldLabels.js';
import { useDownload } from '../../components/useDownload';

const PAGE_SIZE = 100;
const BUSINESS_OPTIONS = [...AUDIT_BUSINESSES.map((b) => ({ value: b.key, label: b.label })), { value: 'other', label: '其他' }];
const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', remove: 'red', restore: 'teal' };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A typed day counts once it reads as a date; until then the field shows its own error. */
const dayOrNone = (v: string) => {
  const r = parseDay(v);
  return v.trim() && r.ok ? r.value : undefined;
};

function ChainCheck({ check }: { check: ReturnType<typeof useApi<'audit.verify'>> }) {
  if (check.error) return <Alert color="red">无法校验审计记录：{check.error}</Alert>;
  if (!check.data) return <Loader size="xs" />;
  const { ok, entries, message } = check.data;
  return (
    <Alert color={ok ? 'green' : 'red'} variant="light" py={6} data-testid="audit-chain">
      <Group justify="space-between">
        <Text size="sm">{ok ? `审计记录共 ${entries} 条，校验通过` : message}</Text>
        <Anchor component="button" size="sm" onClick={() => void check.reload()}>重新校验</Anchor>
      </Group>
    </Alert>
  );
}

function Row({ e, names }: { e: AuditLogEntry; names: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const expandable = changedKeys(e.before, e.after).length > 0;
  const verb = e.action.slice(e.action.lastIndexOf('.') + 1);
  const named = (v: unknown) => (typeof v === 'string' && names[v]) || showValue(v);
  const show = (_k: string, v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && names[x]) ? v.map(named).join('、') : named(v));
  return (
    <Fragment>
      <Table.Tr onClick={expandable ? () => setOpen((o) => !o) : undefined} style={expandable ? { cursor: 'pointer' } : undefined}>
        <Table.Td w={28}>
          {expandable && (
            <ActionIcon variant="subtle" size="sm" aria-label={open ? '收起改动' : '查看改动'} aria-expanded={open}>
              {open ? '▾' : '▸'}
            </ActionIcon>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }} title={`审计记录第 ${e.seq} 条`}>{auditTime(e.at)}</Table.Td>
        <Table.Td>{e.operator}</Table.Td>
        <Table.Td>{businessLabel(e.business)}</Table.Td>
        <Table.Td><Badge size="sm" variant="light" color={ACTION_COLORS[verb] ?? 'gray'}>{actionLabel(e.action)}</Badge></Table.Td>
        <Table.Td>
          {e.link ? (
            <Anchor
              component="button"
              fz="sm"
              ta="left"
              onClick={(ev) => {
                ev.stopPropagation();
                navigate(e.link!);
              }}
            >
              {e.summary}
            </Anchor>
          ) : (
            e.summary
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={5} pb="sm">
            <FieldChanges before={e.before} after={e.after} label={(k) => fieldLabel(e.entity, k)} show={show} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditLogPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [operator, setOperator] = useState<string | null>(null);
  const [business, setBusiness] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const { busy: exporting, download } = useDownload();

  const filter: AuditFilter = {
    from: dayOrNone(from),
    to: dayOrNone(to),
    operator: operator ?? undefined,
    business: (business as AuditBusiness | null) ?? undefined,
    text: debouncedText || undefined,
  };
  const check = useApi('audit.verify', {});
  const list = useApi('audit.search', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  // Any change of filter starts again from the first page.
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const filtered = !!(filter.from || filter.to || filter.operator || filter.business || filter.text);

  async function exportXlsx() {
    await download(() => invoke('audit.export', filter), { mime: XLSX_MIME, failTitle: '未能导出', done: (r) => `已导出 ${r.count} 条操作记录` });
  }

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1}>操作日志</Title>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => {
              void list.reload();
              void check.reload();
            }}
          >
            刷新
          </Button>
          <Button variant="light" loading={exporting} disabled={!data || data.total === 0} onClick={() => void exportXlsx()}>导出 Excel</Button>
        </Group>
      </Group>
      <ChainCheck check={check} />
      <Group gap="sm" align="start">
        <DateField label="起始日期" placeholder="如 2026.11.01" w={140} value={from} onChange={refilter(setFrom)} />
        <DateField label="截止日期" placeholder="如 2026.11.30" w={140} value={to} onChange={refilter(setTo)} />
        <Select label="操作人" placeholder="全部" clearable w={140} data={data?.operators ?? []} value={operator} onChange={refilter(setOperator)} />
        <Select label="业务" placeholder="全部" clearable w={140} data={BUSINESS_OPTIONS} value={business} onChange={refilter(setBusiness)} />
        <TextInput
          label="搜索说明"
          placeholder="姓名、村名、文件名…（按 / 聚焦）"
          w={260}
          data-search-box
          value={text}
          onChange={(ev) => refilter(setText)(ev.currentTarget.value)}
        />
        {filtered && (
          <Button
            variant="subtle"
            mt={25}
            onClick={() => {
              setFrom('');
              setTo('');
              setOperator(null);
              setBusiness(null);
              setText('');
              setPage(1);
            }}
          >
            清除筛选
          </Button>
        )}
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {!data && list.loading && <Loader />}
      {data && !list.error && (
        <>
          <Text size="sm" c="dimmed" data-testid="audit-count">
            {filtered ? `符合条件的记录 ${data.total} 条` : `共 ${data.total} 条记录`}（最新在前{data.total > PAGE_SIZE ? `，每页 ${PAGE_SIZE} 条` : ''}）
          </Text>
          {data.total === 0 ? (
            <Text c="dimmed">{filtered ? '没有符合条件的操作记录。' : '暂无操作记录。'}</Text>
          ) : (
            <Table striped highlightOnHover withTableBorder aria-label="操作日志" style={{ opacity: list.loading ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  {/* The first column holds only the ▸ button; its header still names it for screen readers. */}
                  <Table.Th w={28}><VisuallyHidden>查看改动</VisuallyHidden></Table.Th>
                  <Table.Th>时间</Table.Th>
                  <Table.Th>操作人</Table.Th>
                  <Table.Th>业务</Table.Th>
                  <Table.Th>操作</Table.Th>
                  <Table.Th>说明</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.entries.map((e) => <Row key={e.seq} e={e} names={data.names} />)}
              </Table.Tbody>
            </Table>
          )}
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
