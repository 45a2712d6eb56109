/**
 * 设置 → 数据交换 (issue 16): this office and its fingerprint, trusted offices, sending a package,
 * receiving one with a per-record preview, and receipts.
 */
import { Alert, Badge, Button, Card, Checkbox, FileButton, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../shared/contract/index.js';
import { collectionLabel, OFFICE_CODES, officeName, type RecordChange } from '../../../shared/domain/exchange.js';
import { fileToBase64, invoke, saveBytes } from '../../api/client';
import { useDownload } from '../../components/useDownload';
import { fieldLabel } from '../../../shared/domain/fieldLabels.js';

type Overview = Output<'exchange.overview'>;
type Preview = Output<'exchange.preview'>;
type KeyRead = Output<'exchange.readKey'> & { fileName: string; base64: string };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const fail = (e: unknown) => notifications.show({ color: 'red', message: (e as Error).message });
const STATUS = { new: { label: '新增', color: 'green' }, changed: { label: '修改', color: 'blue' }, deleted: { label: '删除', color: 'gray' } } as const;

export function ExchangeSettings() {
  const [ov, setOv] = useState<Overview | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [keyRead, setKeyRead] = useState<KeyRead | null>(null);
  const [keyConfirmed, setKeyConfirmed] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const [full, setFull] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, download } = useDownload();
  // Cleared after each pick, so choosing the same file again (a retry, a replay) is read again.
  const keyReset = useRef<() => void>(null);
  const pkgReset = useRef<() => void>(null);
  const receiptReset = useRef<() => void>(null);
  const reload = () => void invoke('exchange.overview', {}).then(setOv).catch(fail);
  useEffect(reload, []);
  if (!ov) return null;

  async function chooseKey(file: File | null) {
    keyReset.current?.();
    if (!file) return;
    try {
      const base64 = await fileToBase64(file);
      setKeyRead({ ...(await invoke('exchange.readKey', { fileName: file.name, base64 })), fileName: file.name, base64 });
      setKeyConfirmed(false);
    } catch (e) {
      fail(e);
    }
  }

  async function choosePackage(file: File | null) {
    pkgReset.current?.();
    if (!file) return;
    setRefusal(null);
    setPreview(null);
    try {
      setPreview(await invoke('exchange.preview', { fileName: file.name, base64: await fileToBase64(file) }));
    } catch (e) {
      setRefusal((e as Error).message);
    }
  }

  async function chooseReceipt(file: File | null) {
    receiptReset.current?.();
    if (!file) return;
    try {
      const r = await invoke('exchange.receipt', { fileName: file.name, base64: await fileToBase64(file) });
      notifications.show({ color: 'green', message: `${r.name}已确认导入第 ${r.sequence} 号数据包${r.declined ? `（未接受 ${r.declined} 条，下次再发）` : ''}` });
      reload();
    } catch (e) {
      fail(e);
    }
  }

  const partners = ov.trusted.map((t) => ({ value: t.office, label: `${t.name}（${t.office}）` }));

  return (
    <Card withBorder data-testid="exchange-settings">
      <Title order={2} mb="sm">数据交换</Title>
      <Text size="sm" c="dimmed" mb="sm">
        与区委组织部或镇街交换数据：数据包（.cdx）只能由接收单位打开，带本单位签名；导入前逐条预览，整批可撤销。
      </Text>
      {!ov.office || ov.officeChangeable ? (
        <Group align="end" mb="sm">
          <Select
            label="本单位"
            placeholder="请选择"
            w={260}
            data={OFFICE_CODES.map((c) => ({ value: c, label: `${officeName(c)}（${c}）` }))}
            value={office ?? ov.office}
            onChange={setOffice}
          />
          <Button
            disabled={!office || office === ov.office}
            onClick={async () => {
              try {
                setOv(await invoke('exchange.setOffice', { office: office! }));
                notifications.show({ color: 'green', message: '已设定本单位' });
              } catch (e) {
                fail(e);
              }
            }}
          >
            设定本单位
          </Button>
        </Group>
      ) : (
        <Text mb="xs">本单位：<b>{ov.officeName}</b>（{ov.office}）</Text>
      )}
      {ov.fingerprint && (
        <Stack gap={4} mb="md">
          <Text size="sm">本单位公钥指纹（对方添加本单位时，请电话逐组念给对方核对）：</Text>
          <Text ff="monospace" fz="xl" fw={700} data-testid="own-fingerprint" aria-label="本单位公钥指纹">{ov.fingerprint}</Text>
          <Group>
            <Button
              variant="light"
              loading={busy}
              onClick={() => void download(() => invoke('exchange.publicKey', {}), { mime: 'application/json', failTitle: '导出公钥失败', done: (r) => `已导出本单位公钥：${r.fileName}` })}
            >
              导出本单位公钥
            </Button>
          </Group>
        </Stack>
      )}

      {ov.office && (
        <>
          <Title order={3} size="h4" mb="xs">受信任单位</Title>
          {ov.trusted.length ? (
            <Table fz="sm" mb="xs" data-testid="trusted-table">
              <Table.Thead>
                <Table.Tr><Table.Th>单位</Table.Th><Table.Th>指纹</Table.Th><Table.Th>添加</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ov.trusted.map((t) => (
                  <Table.Tr key={t.office}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td ff="monospace">{t.fingerprint}</Table.Td>
                    <Table.Td>{when(t.addedAt)} {t.addedBy}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs" color="red" variant="subtle"
                        onClick={async () => {
                          if (!window.confirm(`移除受信任单位“${t.name}”？之后不能再与其交换数据，除非重新添加并核对指纹。`)) return;
                          try {
                            setOv(await invoke('exchange.untrust', { office: t.office }));
                          } catch (e) {
                            fail(e);
                          }
                        }}
                      >
                        移除
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed" mb="xs">还没有受信任单位。</Text>
          )}
          <FileButton resetRef={keyReset} onChange={(f) => void chooseKey(f)} accept=".pub">
            {(props) => <Button variant="light" mb="md" {...props}>添加受信任单位（选择对方公钥文件）…</Button>}
          </FileButton>

          <Title order={3} size="h4" mb="xs">发送数据包</Title>
          <Group align="end" mb="md">
            <Select label="接收单位" placeholder={partners.length ? '请选择' : '请先添加受信任单位'} w={260} data={partners} value={to} onChange={setTo} />
            <Checkbox label="完整数据包（不论对方已收到什么）" checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
            <Button
              disabled={!to}
              loading={busy}
              onClick={() =>
                void download(() => invoke('exchange.export', { to: to!, full }), {
                  mime: 'application/octet-stream',
                  failTitle: '导出数据包失败',
                  done: (r) => {
                    reload();
                    const n = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
                    return `已导出第 ${r.sequence} 号${r.full ? '完整' : '增量'}数据包：新增或修改 ${n(r.records)} 条，删除 ${n(r.tombstones)} 条${r.withoutVillage ? `（${r.withoutVillage} 名干部未填所属村，未放入）` : ''}`;
                  },
                })
              }
            >
              导出数据包
            </Button>
          </Group>

          <Title order={3} size="h4" mb="xs">接收数据包与回执</Title>
          <Group mb="sm">
            <FileButton resetRef={pkgReset} onChange={(f) => void choosePackage(f)} accept=".cdx">
              {(props) => <Button {...props}>导入数据包（.cdx）…</Button>}
            </FileButton>
            <FileButton resetRef={receiptReset} onChange={(f) => void chooseReceipt(f)} accept=".cdr">
              {(props) => <Button variant="light" {...props}>读入对方回执（.cdr）…</Button>}
            </FileButton>
          </Group>
          {refusal && <Alert color="red" title="数据包被拒绝，未导入任何内容" mb="sm" data-testid="exchange-refusal">{refusal}</Alert>}
          <History ov={ov} />
        </>
      )}

      <Modal opened={!!keyRead} onClose={() => setKeyRead(null)} title="添加受信任单位" size="lg">
        {keyRead && (
          <Stack>
            <Text>单位：<b>{keyRead.name}</b>（{keyRead.office}）</Text>
            <Text size="sm">请打电话给对方，请对方念出其“本单位公钥指纹”，逐组与下面核对：</Text>
            <Text ff="monospace" fz="xl" fw={700} data-testid="key-fingerprint">{keyRead.fingerprint}</Text>
            {keyRead.replaces && <Alert color="yellow">本单位已信任该单位的另一把公钥（指纹 {keyRead.replaces}），添加后将替换它。请确认对方确实更换过密钥。</Alert>}
            <Checkbox label="已与对方电话核对，指纹完全一致" checked={keyConfirmed} onChange={(e) => setKeyConfirmed(e.currentTarget.checked)} />
            <Group justify="end">
              <Button variant="default" onClick={() => setKeyRead(null)}>取消</Button>
              <Button
                disabled={!keyConfirmed}
                onClick={async () => {
                  try {
                    setOv(await invoke('exchange.trust', { fileName: keyRead.fileName, base64: keyRead.base64, fingerprint: keyRead.fingerprint }));
                    notifications.show({ color: 'green', message: `已添加受信任单位：${keyRead.name}` });
                    setKeyRead(null);
                  } catch (e) {
                    fail(e);
                  }
                }}
              >
                添加
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {preview && <PreviewModal preview={preview} onClose={() => setPreview(null)} onDone={reload} />}
    </Card>
  );
}

function History({ ov }: { ov: Overview }) {
  if (!ov.sent.length && !ov.received.length) return null;
  return (
    <Table fz="sm" data-testid="exchange-history">
      <Table.Thead>
        <Table.Tr><Table.Th>单位</Table.Th><Table.Th>已发送</Table.Th><Table.Th>对方已确认</Table.Th><Table.Th>已接收</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...new Set([...ov.sent.map((s) => s.office), ...ov.received.map((r) => r.office)])].map((office) => {
          const s = ov.sent.find((x) => x.office === office);
          const r = ov.received.find((x) => x.office === office);
          const last = r?.imports.find((i) => !i.undoneAt);
          return (
            <Table.Tr key={office}>
              <Table.Td>{officeName(office)}</Table.Td>
              <Table.Td>{s ? `至第 ${s.lastSequence} 号` : '—'}</Table.Td>
              <Table.Td>{s ? (s.acked ? `第 ${s.acked} 号（${when(s.ackedAt)}）` : '尚无回执（下次发送完整数据包）') : '—'}</Table.Td>
              <Table.Td>{last ? `第 ${last.seq} 号（${when(last.at)}，${last.operator}）` : '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** How many record rows are drawn at once; the counts above always cover the whole package. */
const SHOWN = 300;

function PreviewModal({ preview, onClose, onDone }: { preview: Preview; onClose: () => void; onDone: () => void }) {
  const selectable = useMemo(() => preview.changes.filter((c) => !c.blocked), [preview]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(selectable.filter((c) => !c.conflict).map((c) => c.key)));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Output<'exchange.import'> | null>(null);
  const counts = (s: RecordChange['status']) => preview.changes.filter((c) => c.status === s).length;
  const conflicts = preview.changes.filter((c) => c.conflict).length;

  async function commit(accept: 'all' | string[]) {
    setBusy(true);
    try {
      const r = await invoke('exchange.import', { packageId: preview.packageId, accept });
      setResult(r);
      onDone();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} size="90%" title={`${preview.fromName}的${preview.full ? '完整' : `增量（基于第 ${preview.base} 号）`}数据包第 ${preview.sequence} 号`}>
      {result ? (
        <Stack data-testid="exchange-result">
          <Alert color="green">
            已导入：新增 {result.created} 条，修改 {result.changed} 条，删除 {result.deleted} 条{result.declined ? `，未接受 ${result.declined} 条` : ''}。整批可在 导入导出 → 导入批次 中撤销。
          </Alert>
          <Text size="sm">请把回执交回{preview.fromName}，对方读入后，下次即可只发送变化的部分。</Text>
          <Group>
            <Button onClick={() => void saveBytes(result.receipt.fileName, result.receipt.base64)}>保存回执</Button>
            <Button variant="default" onClick={onClose}>关闭</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Group gap="xs" data-testid="exchange-counts">
            <Badge color="green">新增 {counts('new')}</Badge>
            <Badge color="blue">修改 {counts('changed')}</Badge>
            <Badge color="gray">删除 {counts('deleted')}</Badge>
            <Badge color={conflicts ? 'red' : 'gray'}>冲突 {conflicts}</Badge>
            <Text size="sm" c="dimmed">与本库相同 {preview.unchanged} 条</Text>
          </Group>
          {conflicts > 0 && <Alert color="yellow">有 {conflicts} 条记录本库在上次接收后也改过同一项（标“冲突”），默认不勾选；勾选则以对方为准。</Alert>}
          {!preview.changes.length ? (
            <Text>数据包中没有与本库不同的内容。</Text>
          ) : (
            <Table fz="sm" data-testid="exchange-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label="全选"
                      checked={chosen.size === selectable.length}
                      indeterminate={chosen.size > 0 && chosen.size < selectable.length}
                      onChange={(e) => setChosen(e.currentTarget.checked ? new Set(selectable.map((c) => c.key)) : new Set())}
                    />
                  </Table.Th>
                  <Table.Th>类别</Table.Th><Table.Th>记录</Table.Th><Table.Th>变化</Table.Th><Table.Th>逐项</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.changes.slice(0, SHOWN).map((c) => (
                  <Table.Tr key={c.key} bg={c.conflict ? 'var(--mantine-color-yellow-light)' : undefined}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`接受 ${c.label}`}
                        disabled={!!c.blocked}
                        checked={chosen.has(c.key)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.currentTarget.checked) next.add(c.key);
                          else next.delete(c.key);
                          setChosen(next);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{collectionLabel(c.collection)}</Table.Td>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS[c.status].color} variant="light">{STATUS[c.status].label}</Badge>
                      {c.conflict && <Badge color="red" ml={4}>冲突</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {c.blocked && <Text size="sm" c="red">{c.blocked}</Text>}
                      {c.fields.map((f) => (
                        <Text key={f.field} size="sm" c={f.conflict ? 'red.8' : undefined}>
                          {fieldLabel(c.collection, f.field)}：{f.before} → {f.after}{f.conflict ? '（本库也改过）' : ''}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {preview.changes.length > SHOWN && <Text size="sm" c="dimmed">只列出前 {SHOWN} 条；“接受全部”包括全部 {preview.changes.length} 条。</Text>}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>不导入</Button>
            <Button variant="light" loading={busy} disabled={!preview.changes.length && !preview.unchanged} onClick={() => void commit([...chosen])}>
              接受所选（{chosen.size} 条）
            </Button>
            <Button loading={busy} disabled={!preview.changes.length && !preview.unchanged} onClick={() => void commit('all')}>接受全部</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

