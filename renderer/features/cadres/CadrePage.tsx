/**
 * One cadre's file (#/cadres/<id>) and a new one (#/cadres/new): every field of the
 * 干部任免审批表 plus village work, view mode first and 编辑 to change, per-field errors from the
 * shared schema and the server, soft delete to the 回收站, and the record's 历史记录.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Cadre } from '../../../shared/domain/cadre.js';
import { parseDay, parseYearMonth, today } from '../../../shared/rules/dates.js';
import { ApiCallError, invoke } from '../../api/client';
import { navigate } from '../../app/router';
import { CadreHistory } from './CadreHistory';
import { AttachmentsTab } from '../attachments/AttachmentsTab';
import { LrmxExportButton } from '../import/LrmxExportButton';
import { ExportWordButton, PrintRmbButton } from '../print';
import { CadreProgramHistory } from '../programs/CadreProgramHistory';
import { PostHistoryCard } from '../terms/PostHistoryCard';
import { ReserveCard } from '../terms/ReserveCard';
import { setCadreListState } from './cadreFilterStore';
import { AreaField, FormContext, TextField, type FormApi } from './form/FormContext';
import { AssessmentEditor, FamilyEditor, NegativeFlagEditor, RelationEditor, ResumeEditor } from './form/RowsEditor';
import { BasicSection, EducationSection, PositionSection, Section, VillageWorkSection } from './form/Sections';
import { blankForm, checkedInput, describePath, dropBlankRows, fromCadre, toInput, type FormValues } from './formModel';
import './cadres.css';

export function CadrePage({ id }: { id: string | null }) {
  const isNew = id === null;
  const [cadre, setCadre] = useState<Cadre | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>(blankForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(isNew);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [tab, setTab] = useState<string | null>('file');
  const [refInput, setRefInput] = useState(() => today());

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const c = await invoke('cadre.get', { id });
      setCadre(c);
      setValues(fromCadre(c));
      setErrors({});
      setDirty(false);
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [id]);

  useEffect(() => {
    setCadre(null);
    setValues(blankForm());
    setErrors({});
    setEditing(id === null);
    setTab('file');
    void load();
  }, [id, load]);

  // The reference date for ages: a day or a month; a bad entry falls back to today, said below the field.
  const ref = useMemo(() => {
    const d = parseDay(refInput);
    if (d.ok) return { date: d.value, error: null };
    const m = parseYearMonth(refInput);
    return m.ok ? { date: m.value, error: null } : { date: today(), error: '日期无法识别，按今天计算' };
  }, [refInput]);

  const deleted = !!cadre?.deletedAt;
  const readOnly = !editing || deleted;
  const form: FormApi = useMemo(
    () => ({
      values,
      errors,
      readOnly,
      set: (key, value) => {
        setValues((v) => ({ ...v, [key]: value }));
        setDirty(true);
        // A field's own error goes once it is changed; row errors ("family.0.name") go with their list.
        setErrors((e) => {
          const prefix = `${String(key)}.`;
          if (!Object.keys(e).some((p) => p === key || p.startsWith(prefix))) return e;
          return Object.fromEntries(Object.entries(e).filter(([p]) => p !== key && !p.startsWith(prefix)));
        });
      },
      setError: (path, message) =>
        setErrors((e) => {
          if (message === null) {
            if (!(path in e)) return e;
            const { [path]: _gone, ...rest } = e;
            return rest;
          }
          return { ...e, [path]: message };
        }),
    }),
    [values, errors, readOnly],
  );

  const save = async () => {
    const cleaned = dropBlankRows(values);
    setValues(cleaned);
    const input = toInput(cleaned);
    const checked = checkedInput(input);
    if (!checked.ok) {
      const local = checked.errors;
      // A message set when a field was left ("月份 13 不存在") says more than the schema's generic one.
      setErrors((prev) => Object.fromEntries(Object.entries(local).map(([p, m]) => [p, prev[p] ?? m])));
      notifications.show({ color: 'red', title: '未保存', message: `有 ${Object.keys(local).length} 处需要修改，已在字段旁标出` });
      return;
    }
    setSaving(true);
    try {
      const saved = isNew ? await invoke('cadre.create', { data: checked.data }) : await invoke('cadre.update', { id: id, data: { ...checked.data, ...checked.cleared } });
      notifications.show({ color: 'green', message: `已保存 ${saved.name} 的档案` });
      setErrors({});
      setDirty(false);
      if (isNew) {
        setCadreListState({ selectedId: saved.id });
        navigate(`/cadres/${encodeURIComponent(saved.id)}`);
      } else {
        setCadre(saved);
        setValues(fromCadre(saved));
        setEditing(false);
      }
    } catch (e) {
      const fields = e instanceof ApiCallError ? e.fields : {};
      setErrors(fields);
      notifications.show({ color: 'red', title: '未保存', message: (e as Error).message });
    } finally {
      setSaving(false);
    }
  };

  // Closing the window with unsaved edits asks first (Electron and browsers honour this).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Ctrl+S saves while editing, wherever the focus is in the long form (keyboard users need not Tab to 保存).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!editing) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);
  const mayLeave = () => !dirty || window.confirm('有未保存的修改，确定放弃这些修改吗？');

  const cancel = () => {
    if (!mayLeave()) return;
    setDirty(false);
    if (isNew) return navigate('/cadres');
    if (cadre) setValues(fromCadre(cadre));
    setErrors({});
    setEditing(false);
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      await invoke('cadre.delete', { id: id! });
      notifications.show({ message: `已将 ${cadre?.name ?? ''} 的档案移入回收站，可在回收站恢复` });
      await load();
    } catch (e) {
      notifications.show({ color: 'red', title: '未能删除', message: (e as Error).message });
    }
  };

  const restore = async () => {
    try {
      const c = await invoke('cadre.restore', { id: id! });
      notifications.show({ color: 'green', message: `已恢复 ${c.name} 的档案` });
      await load();
    } catch (e) {
      notifications.show({ color: 'red', title: '未能恢复', message: (e as Error).message });
    }
  };

  if (loadError) {
    return (
      <>
        <Alert color="red" title="无法打开档案" mb="md">{loadError}</Alert>
        <Button variant="default" onClick={() => navigate('/cadres')}>返回干部列表</Button>
      </>
    );
  }
  if (!isNew && !cadre) return <Group gap="xs"><Loader size="sm" /><Text>正在打开档案…</Text></Group>;

  const errorList = Object.entries(errors);
  return (
    <FormContext.Provider value={form}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm">
          <Button variant="subtle" size="xs" onClick={() => mayLeave() && navigate('/cadres')}>← 干部列表</Button>
          <Title order={1} data-testid="cadre-title">{isNew ? '新建干部档案' : cadre!.name}</Title>
          {cadre?.demo && <Badge color="yellow">示例</Badge>}
          {deleted && <Badge color="red">已在回收站</Badge>}
          {editing && !isNew && <Badge color="blue" variant="light">编辑中</Badge>}
          {dirty && <Badge color="orange" variant="light">有未保存的修改</Badge>}
        </Group>
        {/* Toolbar: other modules add their buttons here (打印审批表, 导出 LRMX…). */}
        <Group gap="xs" data-cadre-actions data-cadre-id={id ?? ''}>
          {deleted ? (
            <Button size="xs" color="teal" onClick={() => void restore()}>从回收站恢复</Button>
          ) : editing ? (
            <>
              <Button size="xs" loading={saving} onClick={() => void save()}>保存</Button>
              <Button size="xs" variant="default" onClick={cancel}>取消</Button>
            </>
          ) : (
            <>
              <Button size="xs" onClick={() => { setEditing(true); setTab('file'); }}>编辑</Button>
              <Button size="xs" variant="default" color="red" onClick={() => setConfirmDelete(true)}>删除</Button>
              {id && !isNew && <LrmxExportButton cadreId={id} />}
              {id && !isNew && <PrintRmbButton ids={[id]} />}
              {id && !isNew && <ExportWordButton ids={[id]} />}
            </>
          )}
        </Group>
      </Group>

      {deleted && <Alert color="red" mb="sm">该档案已移入回收站（{cadre.deletedAt!.slice(0, 10).replace(/-/g, '.')}），恢复后才能修改。</Alert>}
      {errorList.length > 0 && (
        <Alert color="red" mb="sm" title={`有 ${errorList.length} 处需要修改`} data-testid="form-errors">
          {errorList.slice(0, 8).map(([p, m]) => {
            const where = describePath(p);
            // "入党时间月份 13 不存在" already names its field; do not say it twice.
            return <div key={p}>{m.startsWith(where) ? m : `${where}：${m}`}</div>;
          })}
          {errorList.length > 8 && <div>……另有 {errorList.length - 8} 处</div>}
        </Alert>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="file">档案</Tabs.Tab>
          {!isNew && <Tabs.Tab value="attachments">附件</Tabs.Tab>}
          {!isNew && <Tabs.Tab value="history">历史记录</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="file" className={readOnly ? 'cd-view' : undefined}>
          <Group justify="flex-end" mb={-8}>
            <TextInput size="xs" w={230} label="年龄计算截至" value={refInput} onChange={(e) => setRefInput(e.currentTarget.value)} error={ref.error} />
          </Group>
          <BasicSection refDate={ref.date} />
          <EducationSection />
          <PositionSection />
          <VillageWorkSection />
          <Section title="简历"><ResumeEditor /></Section>
          <Section title="奖惩情况"><AreaField k="rewards" label="奖惩情况" /></Section>
          <Section title="年度考核结果">
            <AssessmentEditor />
            <div style={{ marginTop: 8 }}><AreaField k="assessmentText" label="年度考核结果（审批表上的文字，可留空由上表生成）" rows={2} /></div>
          </Section>
          <Section title="任免理由"><AreaField k="appointmentReason" label="任免理由" rows={2} /></Section>
          <Section title="家庭成员及重要社会关系"><FamilyEditor /></Section>
          <Section title="十不选负面情形"><NegativeFlagEditor /></Section>
          <Section title="亲属关系（回避核查）"><RelationEditor /></Section>
          {!isNew && <Section title="任职经历"><PostHistoryCard cadreId={id} readOnly={editing || deleted} onChanged={() => void load()} /></Section>}
          {!isNew && <Section title="后备干部"><ReserveCard cadreId={id} readOnly={editing || deleted} /></Section>}
          {!isNew && <Section title="培育经历（书记跟班 / 智库结对）"><CadreProgramHistory cadreId={id} /></Section>}
          <Section title="呈报">
            <Group grow>
              <TextField k="reportingUnit" label="呈报单位" />
              <TextField k="filledBy" label="填表人" />
            </Group>
          </Section>
          {editing && !deleted && (
            <Group>
              <Button loading={saving} onClick={() => void save()}>保存</Button>
              <Button variant="default" onClick={cancel}>取消</Button>
            </Group>
          )}
        </Tabs.Panel>
        {!isNew && (
          <Tabs.Panel value="attachments">
            <AttachmentsTab cadreId={id} cadreName={cadre?.name ?? ''} readOnly={deleted} />
          </Tabs.Panel>
        )}
        {!isNew && (
          <Tabs.Panel value="history">
            <CadreHistory id={id} version={cadre?.updatedAt ?? ''} />
          </Tabs.Panel>
        )}
      </Tabs>

      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="移入回收站">
        <Text mb="md">将 {cadre?.name} 的档案移入回收站？移入后不在列表和统计中出现，可随时从回收站恢复。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>取消</Button>
          <Button color="red" onClick={() => void remove()}>移入回收站</Button>
        </Group>
      </Modal>
    </FormContext.Provider>
  );
}
