import { Stack, Tabs, Title } from '@mantine/core';
import { useApi } from '../../components/useApi';
import { BatchList } from './BatchList';
import { ExportCard } from './ExportCard';
import { LrmxImport } from './LrmxImport';
import { RosterImport } from './RosterImport';
import { PhotoImport } from '../attachments/PhotoImport';

/** `#/import`: 花名册 and 任免审批表 in and out, and the list of import batches. */
export function ImportPage() {
  const batches = useApi('import.batches', {});
  const reload = () => void batches.reload();
  return (
    <Stack>
      <Title order={1}>导入导出</Title>
      <Tabs defaultValue="roster" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="roster">花名册导入</Tabs.Tab>
          <Tabs.Tab value="lrmx">任免审批表（LRMX）</Tabs.Tab>
          <Tabs.Tab value="photos">批量照片</Tabs.Tab>
          <Tabs.Tab value="export">导出</Tabs.Tab>
          <Tabs.Tab value="batches">导入批次</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roster"><RosterImport onImported={reload} /></Tabs.Panel>
        <Tabs.Panel value="lrmx"><LrmxImport onImported={reload} /></Tabs.Panel>
        <Tabs.Panel value="photos"><PhotoImport onImported={reload} /></Tabs.Panel>
        <Tabs.Panel value="export"><ExportCard /></Tabs.Panel>
        <Tabs.Panel value="batches"><BatchList batches={batches.data} reload={reload} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
