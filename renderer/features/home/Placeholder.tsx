import { Alert, Title } from '@mantine/core';

/** Shown for a module whose pages are not built yet — says so instead of pretending. */
export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <Title order={2} mb="md">{title}</Title>
      <Alert color="gray" title="尚未开放">该模块正在建设中。</Alert>
    </>
  );
}
