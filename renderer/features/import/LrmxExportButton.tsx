import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { invoke, saveBytes } from '../../api/client';

/** 导出 LRMX on a cadre's page: the national editor's 任免审批表 file. */
export function LrmxExportButton({ cadreId }: { cadreId: string }) {
  return (
    <Button
      size="xs"
      variant="default"
      onClick={async () => {
        try {
          const r = await invoke('lrmx.export', { id: cadreId });
          await saveBytes(r.fileName, r.base64, 'application/xml');
        } catch (e) {
          notifications.show({ color: 'red', message: (e as Error).message });
        }
      }}
    >
      导出 LRMX
    </Button>
  );
}
