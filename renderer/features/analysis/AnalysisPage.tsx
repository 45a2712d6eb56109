import { BarChart, DonutChart } from '@mantine/charts';
import { Alert, Anchor, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { TOWNS } from '../../../shared/domain/towns.js';
import { parseDay, today } from '../../../shared/rules/dates.js';
import { AGE_BANDS, RESERVE_TARGET_PER_POST, share, toCsv, type StructureGroup, type StructureReport } from '../../../shared/rules/structure.js';
import { analysisFileName, analysisNotes, analysisTitle, summaryTable } from '../../../shared/rules/structureSummary.js';
import { invoke, saveBytes } from '../../api/client';
import { navigate } from '../../app/router';
import { useVaultStatus } from '../../app/useStatus';
import { useApi } from '../../components/useApi';
import { useDownload } from '../../components/useDownload';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Shades dark enough for 3:1 against the white card (WCAG non-text contrast), so bars and slices stay distinguishable.
const BAND_COLORS = ['teal.8', 'blue.6', 'orange.8', 'red.6'];
const pct = (part: number, whole: number) => {
  const s = share(part, whole);
  return s === null ? 0 : Math.round(s * 1000) / 10;
};

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** 结构分析: the make-up of the 两委 teams per 镇街, as charts and the table behind them. */
export function AnalysisPage() {
  const { status } = useVaultStatus();
  const [townCode, setTownCode] = useState<string>('');
  const [dateText, setDateText] = useState(today());
  const parsedDate = parseDay(dateText, '参考日期');
  const [refDate, setRefDate] = useState(today());
  const input = useMemo(() => ({ ...(townCode ? { townCode: townCode as (typeof TOWNS)[number]['code'] } : {}), refDate }), [townCode, refDate]);
  const { data, error, loading } = useApi('analysis.structure', input);
  const { busy: exporting, download } = useDownload();
  const empty = !data || (data.district.members === 0 && data.district.reserves === 0);

  function exportCsv(report: StructureReport) {
    const { header, rows } = summaryTable(report);
    const preface = [analysisTitle(report), ...analysisNotes(report, status.demo)];
    saveBytes(analysisFileName(report, status.demo, 'csv'), utf8Base64(toCsv(header, rows, preface)), 'text/csv;charset=utf-8').catch((e: Error) =>
      notifications.show({ color: 'red', title: '未能导出 CSV', message: e.message }),
    );
  }

  /** Built on the privileged side from the same input, so the file holds what the page shows. */
  async function exportXlsx() {
    await download(() => invoke('analysis.exportXlsx', input), { mime: XLSX_MIME, failTitle: '未能导出 Excel', done: (r) => `已导出“${r.fileName}”` });
  }

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1}>结构分析</Title>
        <Group align="end">
          <Select
            label="范围"
            w={180}
            data={[{ value: '', label: '全区（十个镇街）' }, ...TOWNS.map((t) => ({ value: t.code, label: t.name }))]}
            value={townCode}
            onChange={(v) => setTownCode(v ?? '')}
            allowDeselect={false}
          />
          <TextInput
            label="年龄计算参考日期"
            w={170}
            value={dateText}
            onChange={(e) => {
              const t = e.currentTarget.value;
              setDateText(t);
              const p = parseDay(t, '参考日期');
              if (p.ok) setRefDate(p.value);
            }}
            error={!parsedDate.ok ? parsedDate.message : undefined}
          />
          <Button variant="light" disabled={empty} loading={exporting} onClick={() => void exportXlsx()} title="导出为 Excel 工作簿（汇总表，可直接粘贴进报告）">
            导出 Excel
          </Button>
          <Button variant="default" disabled={empty} onClick={() => data && exportCsv(data)}>导出 CSV</Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {loading && !data && <Loader />}
      {data && <Report report={data} />}
    </Stack>
  );
}

function Report({ report }: { report: StructureReport }) {
  const scope: StructureGroup = report.towns.length === 1 ? report.towns[0] : report.district;
  const table = summaryTable(report);
  const byTown = report.towns.map((g) => ({
    town: g.label,
    ...Object.fromEntries(AGE_BANDS.map((b, i) => [b.label, g.ageBands[i]])),
    女性: pct(g.women, g.members),
    大专及以上: pct(g.college, g.members),
    党员: pct(g.party, g.members),
    一肩挑占书记: pct(g.oneShoulder, g.secretaries),
    书记平均年龄: g.avgSecretaryAge ?? 0,
    后备干部: g.reserves,
    '目标（1:2）': g.reserveTarget,
  }));

  if (report.district.members === 0 && report.district.reserves === 0) {
    return (
      <Alert color="blue" title="还没有可分析的干部">
        结构分析统计“所在村（社区）”已填写、担任两委职务或为后备干部的干部。请先在“村居信息”录入村（社区），再在“干部档案”中填写干部的所在村和村职务。
        {report.unassigned > 0 && ` 目前有 ${report.unassigned} 名干部未关联有效的村（社区）。`}
      </Alert>
    );
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        统计对象：两委班子成员（书记、副书记、委员，主任、副主任、委员，一肩挑）；后备干部单列。年龄按 {report.refDate} 计算。
        {report.unassigned > 0 && ` 另有 ${report.unassigned} 名干部未关联有效的村（社区），未计入。`}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} mb="xs">年龄结构（{scope.label}，班子 {scope.members} 人）</Title>
          <Group align="center" wrap="nowrap">
            <DonutChart
              role="img"
              aria-label="年龄结构环形图"
              size={180}
              thickness={28}
              withLabels
              withLabelsLine
              chartLabel={`${scope.members}人`}
              data={AGE_BANDS.map((b, i) => ({ name: b.label, value: scope.ageBands[i], color: BAND_COLORS[i] })).filter((d) => d.value > 0)}
            />
            <Stack gap={2}>
              {AGE_BANDS.map((b, i) => (
                <Text key={b.label} size="sm"><Text span c={BAND_COLORS[i]} fw={700}>■</Text> {b.label}：{scope.ageBands[i]} 人（{pct(scope.ageBands[i], scope.members)}%）</Text>
              ))}
              <Text size="sm" mt="xs">书记平均年龄：{scope.avgSecretaryAge ?? '—'}{scope.avgSecretaryAge !== null ? ' 岁' : ''}（{scope.secretaries} 人）</Text>
            </Stack>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={2} mb="xs">各镇街年龄段人数</Title>
          <BarChart
            h={220}
            data={byTown}
            dataKey="town"
            type="stacked"
            withLegend
            series={AGE_BANDS.map((b, i) => ({ name: b.label, color: BAND_COLORS[i] }))}
          />
        </Card>
        <Card withBorder>
          <Title order={2} mb="xs">女性、学历、党员、一肩挑占比（%）</Title>
          <BarChart
            h={220}
            data={byTown}
            dataKey="town"
            unit="%"
            withLegend
            yAxisProps={{ domain: [0, 100] }}
            series={[
              { name: '女性', color: 'pink.6' },
              { name: '大专及以上', color: 'blue.6' },
              { name: '党员', color: 'red.6' },
              { name: '一肩挑占书记', color: 'grape.6' },
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={2} mb="xs">后备干部与目标（每个书记岗位 {RESERVE_TARGET_PER_POST} 名）</Title>
          <BarChart
            h={220}
            data={byTown}
            dataKey="town"
            withLegend
            series={[
              { name: '后备干部', color: 'teal.8' },
              { name: '目标（1:2）', color: 'gray.6' },
            ]}
          />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} mb="xs">书记平均年龄（岁）</Title>
        <BarChart h={180} data={byTown} dataKey="town" series={[{ name: '书记平均年龄', color: 'indigo.6' }]} yAxisProps={{ domain: [0, 70] }} />
      </Card>
      <Title order={2}>数据表</Title>
      <Table.ScrollContainer minWidth={1400}>
        <Table striped withTableBorder withColumnBorders aria-label="结构分析数据表">
          <Table.Thead>
            <Table.Tr>{table.header.map((h) => <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, i) => (
              <Table.Tr key={row[0]} fw={i === table.rows.length - 1 ? 700 : undefined}>
                {row.map((cell, j) => {
                  const code = j === 0 ? report.towns.find((t) => t.label === cell)?.townCode : null;
                  return (
                    <Table.Td key={j} style={{ whiteSpace: 'nowrap' }}>
                      {code ? <Anchor component="button" title={`查看${cell}的村（社区）`} onClick={() => navigate(`/villages?town=${code}`)}>{cell}</Anchor> : cell}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
