import { createTheme, DEFAULT_THEME, Drawer, Modal, isLightColor, rem, type CSSVariablesResolver } from '@mantine/core';
import { readableOn } from './contrast';

export const theme = createTheme({
  primaryColor: 'red',
  fontFamily: "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif",
  headings: {
    fontFamily: "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
    // Each page has one h1 (the module title) and its sections are h2, h3 inside those: the outline screen readers
    // announce. The sizes stay what the pages looked like before they were numbered that way.
    sizes: {
      h1: { fontSize: rem(26), lineHeight: '1.35' },
      h2: { fontSize: rem(18), lineHeight: '1.45' },
      h3: { fontSize: rem(16), lineHeight: '1.5' },
    },
  },
  defaultRadius: 'sm',
  components: {
    // The × in a dialog's corner is an icon only: screen readers need its name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } }),
  },
  // Filled yellow/lime/… badges (the 示例 mark) get dark text: white on yellow cannot be read.
  autoContrast: true,
  luminanceThreshold: 0.3,
});

const WHITE = '#ffffff';

/**
 * Colour variables rewritten so text meets WCAG AA (4.5:1) in the light scheme, which is the one the app uses.
 * Each colour keeps its hue and only gets as much darker as it must: the brand red is still red, yellow still yellow.
 * Backgrounds checked: white, the table stripe and hover greys, and each colour's own pale tints (light badges,
 * the active navigation entry).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const colors = { ...DEFAULT_THEME.colors, ...t.colors };
  const gray = colors.gray;
  const plain = [WHITE, gray[0], gray[1]];
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(gray[6], plain),
    '--mantine-color-anchor': readableOn(colors[t.primaryColor][6], plain),
    '--mantine-color-error': readableOn(colors.red[6], plain),
  };
  for (const [name, palette] of Object.entries(colors)) {
    if (name === 'dark') continue;
    light[`--mantine-color-${name}-light-color`] = readableOn(palette[9], [palette[1], palette[2]]);
    light[`--mantine-color-${name}-outline`] = readableOn(palette[6], plain);
    light[`--mantine-color-${name}-text`] = readableOn(palette[6], plain);
    // Pale colours keep their fill and get dark text (autoContrast); the rest darken until white text reads.
    if (!isLightColor(palette[6], t.luminanceThreshold)) {
      const filled = readableOn(palette[6], [WHITE]);
      light[`--mantine-color-${name}-filled`] = filled;
      light[`--mantine-color-${name}-filled-hover`] = readableOn(filled, [WHITE], 6);
    }
  }
  return { variables: {}, light, dark: {} };
};

