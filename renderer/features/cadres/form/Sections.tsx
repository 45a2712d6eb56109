/** The 干部任免审批表 field groups, in the order of the printed form. */
import { Chip, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { DEGREES, EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, POLITICAL_STATUSES, TALENT_TAGS, VILLAGE_POSTS } from '../../../../shared/domain/codes.js';
import { ageAt } from '../../../../shared/rules/dates.js';
import { checkIdNumber } from '../../../../shared/rules/idCard.js';
import { VillagePicker } from '../../../components/pickers';
import type { FormValues } from '../formModel';
import { CodeField, CodeInput, TextField, useForm, YmField } from './FormContext';
import { PhotoField } from './PhotoField';

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section id={id} style={{ marginBottom: 24 }}>
      <Title order={2} mb="sm" className="cd-section-title">{title}</Title>
      {children}
    </section>
  );
}

/** "1975.03（51岁）", as the forms print it. */
export function birthWithAge(birth: string, refDate: string): string {
  if (!/^\d{4}\.\d{2}$/.test(birth)) return '';
  return `${birth}（${ageAt(birth, refDate)}岁）`;
}

export function BasicSection({ refDate }: { refDate: string }) {
  const f = useForm();
  return (
    <Section title="基本信息">
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs" style={{ flex: 1 }}>
          <TextField k="name" label="姓名" withAsterisk={!f.readOnly} />
          <Select
            label="性别"
            data={['男', '女']}
            value={f.values.sex || null}
            onChange={(v) => f.set('sex', (v ?? ''))}
            error={f.errors.sex}
            readOnly={f.readOnly}
            placeholder="可由身份证号码带出"
            withAsterisk={!f.readOnly}
          />
          <YmField k="birth" label="出生年月" withAsterisk={!f.readOnly} description={birthWithAge(f.values.birth, refDate) || '可由身份证号码带出'} inputWrapperOrder={['label', 'input', 'description', 'error']} data-testid="birth-field" />
          <CodeField k="ethnicity" label="民族" table={ETHNICITIES} />
          <TextField k="nativePlace" label="籍贯" placeholder="如 广东佛山" />
          <TextField k="birthPlace" label="出生地" placeholder="如 广东顺德" />
          <CodeField k="politicalStatus" label="政治面貌" table={POLITICAL_STATUSES} />
          <YmField k="partyJoinDate" label="入党时间" />
          <YmField k="workStartDate" label="参加工作时间" />
          <CodeField k="health" label="健康状况" table={HEALTH_STATUSES} />
          <TextField k="techTitle" label="专业技术职务" />
          <TextField k="expertise" label="熟悉专业有何专长" />
        </SimpleGrid>
        <PhotoField />
      </Group>
    </Section>
  );
}

function EducationGroup({ k, title }: { k: 'fullTimeEducation' | 'partTimeEducation'; title: string }) {
  const f = useForm();
  const e = f.values[k];
  const set = (patch: Partial<FormValues[typeof k]>) => f.set(k, { ...e, ...patch });
  return (
    <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs" mb="xs">
      <CodeInput label={`${title} 学历`} table={EDUCATION_LEVELS} value={e.level} onChange={(level) => set({ level })} error={f.errors[`${k}.level`]} readOnly={f.readOnly} />
      <CodeInput label={`${title} 学位`} table={DEGREES} value={e.degree} onChange={(degree) => set({ degree })} error={f.errors[`${k}.degree`]} readOnly={f.readOnly} />
      <TextInput label="毕业院校系及专业" value={e.levelSchool} onChange={(x) => set({ levelSchool: x.currentTarget.value })} error={f.errors[`${k}.levelSchool`]} readOnly={f.readOnly} />
      <TextInput label="学位授予院校及专业" value={e.degreeSchool} onChange={(x) => set({ degreeSchool: x.currentTarget.value })} error={f.errors[`${k}.degreeSchool`]} readOnly={f.readOnly} />
    </SimpleGrid>
  );
}

export function EducationSection() {
  return (
    <Section title="学历学位">
      <EducationGroup k="fullTimeEducation" title="全日制教育" />
      <EducationGroup k="partTimeEducation" title="在职教育" />
    </Section>
  );
}

export function PositionSection() {
  return (
    <Section title="职务">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <TextField k="currentPosition" label="现任职务" />
        <TextField k="proposedPosition" label="拟任职务" />
        <TextField k="proposedRemoval" label="拟免职务" />
      </SimpleGrid>
    </Section>
  );
}

/** What the ID number says, shown under it so a mismatch with 出生年月/性别 is easy to see. */
function idHint(idNumber: string): string {
  if (!idNumber.trim()) return '18 位公民身份号码，末位可为 X；出生年月、性别由此带出';
  const r = checkIdNumber(idNumber);
  return r.ok ? `出生日期 ${r.birthDay}，${r.sex}` : '';
}

export function VillageWorkSection() {
  const f = useForm();
  const deriveFromId = () => {
    const r = checkIdNumber(f.values.idNumber);
    if (!r.ok) {
      if (f.values.idNumber.trim()) f.setError('idNumber', r.message);
      return;
    }
    f.setError('idNumber', null);
    if (r.id !== f.values.idNumber) f.set('idNumber', r.id);
    // Fill only what is empty; a filled field is cross-checked (same words as the shared schema), not overwritten.
    if (!f.values.birth) f.set('birth', r.birth);
    else if (f.values.birth !== r.birth) f.setError('birth', `出生年月 ${f.values.birth} 与身份证号码中的 ${r.birth} 不一致`);
    if (!f.values.sex) f.set('sex', r.sex);
    else if (f.values.sex !== r.sex) f.setError('sex', `性别“${f.values.sex}”与身份证号码（${r.sex}）不一致`);
  };
  return (
    <Section title="村（社区）工作">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <TextField k="idNumber" label="身份证号码" withAsterisk={!f.readOnly} description={idHint(f.values.idNumber)} onBlur={() => !f.readOnly && deriveFromId()} maxLength={24} />
        <TextField k="phone" label="联系电话" />
        <VillagePicker label="所在村（社区）" value={f.values.villageId} onChange={(v) => f.set('villageId', v)} error={f.errors.villageId} readOnly={f.readOnly} />
        <Select label="村职务" data={[...VILLAGE_POSTS]} value={f.values.villagePost} onChange={(v) => f.set('villagePost', v)} error={f.errors.villagePost} readOnly={f.readOnly} clearable placeholder="选择村职务" />
        <YmField k="postSince" label="任现职时间" />
        <YmField k="villageWorkSince" label="开始从事村（社区）工作时间" />
      </SimpleGrid>
      <Stack gap={4} mt="xs">
        <Text size="sm" fw={500}>人才类别</Text>
        <Chip.Group multiple value={f.values.tags} onChange={(v) => !f.readOnly && f.set('tags', v)}>
          <Group gap="xs">
            {TALENT_TAGS.map((t) => <Chip key={t} value={t} size="xs" disabled={f.readOnly && !f.values.tags.includes(t)}>{t}</Chip>)}
          </Group>
        </Chip.Group>
        {f.errors.tags && <Text size="xs" c="red">{f.errors.tags}</Text>}
      </Stack>
    </Section>
  );
}
