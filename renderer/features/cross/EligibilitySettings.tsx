/** 设置 section: the default 跨村任职 thresholds, stored in the vault; a pilot may override them. */
import { Button, Card, Group, NumberInput, Select, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { EDUCATION_LEVELS } from '../../../shared/domain/codes.js';
import type { Settings } from '../../../shared/domain/settings.js';
import { useApi } from '../../components/useApi';

type Eligibility = Settings['eligibility'];

export function EligibilitySettings({ value, onSave }: { value: Eligibility; onSave: (e: Eligibility) => void }) {
  const [e, setE] = useState<Eligibility>(value);
  useEffect(() => setE(value), [value]);
  const { data: rules } = useApi('cross.rules', {});
  const num = (k: keyof Eligibility) => (v: number | string) => typeof v === 'number' && setE({ ...e, [k]: v });
  return (
    <Card withBorder>
      <Title order={2} mb="xs">跨村任职资格条件（默认值）</Title>
      <Text size="sm" c="dimmed" mb="sm">各试点可单独调整。修改后，资格审查按新条件重新计算；已记录的任用步骤保留当时的审查结果。</Text>
      <Group align="end">
        <NumberInput label="年龄上限（岁）" min={18} max={70} w={130} value={e.maxAge} onChange={num('maxAge')} />
        <NumberInput label="党龄至少（年）" min={0} max={50} w={130} value={e.minPartyYears} onChange={num('minPartyYears')} />
        <Select label="最低学历" w={110} data={[...EDUCATION_LEVELS]} value={e.minEducation} onChange={(v) => v && setE({ ...e, minEducation: v })} allowDeselect={false} />
        <NumberInput label="村（社区）工作至少（年）" min={0} max={50} w={170} value={e.minVillageYears} onChange={num('minVillageYears')} />
        <NumberInput label="考核核查年数" min={1} max={10} w={120} value={e.assessmentYears} onChange={num('assessmentYears')} />
        <Button onClick={() => onSave(e)}>保存</Button>
      </Group>
      {rules && (
        <Text size="xs" c="dimmed" mt="sm">
          审查项目（规则版本 {rules.version}）：{rules.rules.map((r) => r.label).join('、')}。
        </Text>
      )}
    </Card>
  );
}
