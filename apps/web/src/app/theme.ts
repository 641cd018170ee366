import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Vietnamese reads badly in capitals (diacritics crowd); keep badges in sentence case.
    Badge: { defaultProps: { tt: 'none' } },
    Modal: { defaultProps: { centered: true } },
    Table: { defaultProps: { verticalSpacing: 'sm' } },
  },
});
