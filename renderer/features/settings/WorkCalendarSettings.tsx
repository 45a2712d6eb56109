/**
 * 设置 section: 法定节假日与调休 beyond the built-in years. The State Council publishes each year's
 * arrangement in November, so the next year is typed in here (one line per day) until a release
 * carries it; a line for a built-in date corrects that day.
 */
import { Alert, Button, Card, Group, Table, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings.js';
import { BUILT_IN_DAYS, BUILT_IN_HOLIDAYS, BUILT_IN_YEARS, formatCalendarLines, parseCalendarLines, type CalendarEntry } from '../../../shared/rules/workCalendar.js';

export function WorkCalendarSettings({ value, onSave }: { value: Settings['workCalendar']; onSave: (entries: CalendarEntry[]) => Promise<void> }) {
  const [text, setText] = useState(formatCalendarLines(value));
  const [errors, setErrors] = useState<string[]>([]);
  const [showBuiltIn, builtIn] = useDisclosure(false);
  useEffect(() => setText(formatCalendarLines(value)), [value]);

  const saved = formatCalendarLines(value);
  const years = [...new Set(value.map((e) => Number(e.date.slice(0, 4))))].sort((a, b) => a - b);

  async function save() {
    const r = parseCalendarLines(text);
    if (!r.ok) return setErrors(r.errors);
    setErrors([]);
    await onSave(r.entries);
  }

  return (
    <Card withBorder>
      <Title order={2} mb="xs">法定节假日与调休</Title>
      <Text size="sm" c="dimmed">
        公示期按工作日计算：扣除法定节假日，计入调休上班日。已内置 {BUILT_IN_YEARS.join('、')} 年的安排（国务院办公厅通知）；其他年份请在下面补充，未录入的年份按周一至周五计。
        {years.length ? ` 已补充：${years.join('、')} 年。` : ''}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        每行一天：日期、“休”或“班”、备注（可省略），例如“2027.01.01 休 元旦”“2027.02.06 班 春节调休”。与内置日期相同的行以此处为准。
      </Text>
      <Textarea
        label="补充或更正的日期"
        autosize
        minRows={4}
        maxRows={16}
        placeholder={'2027.01.01 休 元旦\n2027.02.06 班 春节调休'}
        value={text}
        onChange={(ev) => setText(ev.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      {errors.length > 0 && (
        <Alert color="red" mt="sm" title="未保存，请更正：">
          {errors.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </Alert>
      )}
      <Group mt="sm">
        <Button onClick={save} disabled={text.trim() === saved.trim()}>保存节假日安排</Button>
        <Button variant="subtle" onClick={builtIn.toggle}>{showBuiltIn ? '收起内置安排' : '查看内置安排'}</Button>
      </Group>
      {showBuiltIn && <BuiltInTable overrides={value} />}
    </Card>
  );
}

const WEEKDAY = '日一二三四五六';
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const withWeekday = (d: string) => `${md(d)}（周${WEEKDAY[new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10))).getUTCDay()]}）`;

/** The notices as published, one row per holiday, and which built-in days the user's lines correct. */
function BuiltInTable({ overrides }: { overrides: readonly CalendarEntry[] }) {
  const builtIn = new Map(BUILT_IN_DAYS.map((d) => [d.date, d]));
  const corrected = overrides.filter((o) => builtIn.has(o.date));
  return (
    <>
      <Table mt="sm" striped withTableBorder fz="sm" aria-label="内置节假日安排">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>年份</Table.Th>
            <Table.Th>节日</Table.Th>
            <Table.Th>放假（休）</Table.Th>
            <Table.Th>调休上班（班）</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {BUILT_IN_HOLIDAYS.map((h) => (
            <Table.Tr key={h.off[0]}>
              <Table.Td>{h.off[0].slice(0, 4)}</Table.Td>
              <Table.Td>{h.name}</Table.Td>
              <Table.Td>{h.off[0] === h.off[1] ? md(h.off[0]) : `${md(h.off[0])}–${md(h.off[1])}`}</Table.Td>
              <Table.Td>{h.work.map(withWeekday).join('、') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {corrected.length > 0 && (
        <Text size="sm" c="orange" mt="xs">
          已更正的内置日期：{corrected.map((o) => `${o.date} ${builtIn.get(o.date)?.kind}→${o.kind}`).join('；')}
        </Text>
      )}
    </>
  );
}
