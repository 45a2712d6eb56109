import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { FONT_SIZES, setFontSize, useFontSize } from '../../app/fontSize';

/** 设置 → 字号: takes effect at once and is remembered on this PC (not in the vault: it is about the screen and the eyes). */
export function FontSizeSetting() {
  const size = useFontSize();
  return (
    <Card withBorder>
      <Title order={2} mb="sm">字号</Title>
      <Group align="center">
        <SegmentedControl
          aria-label="字号"
          value={size}
          onChange={(v) => setFontSize(v)}
          data={FONT_SIZES.map((f) => ({ value: f.value, label: f.label }))}
        />
        <Text size="sm" c="dimmed">整个界面随之放大，本机记住。也可按 Ctrl + 放大、Ctrl − 缩小、Ctrl 0 恢复标准；按 ? 查看全部快捷键。</Text>
      </Group>
    </Card>
  );
}
