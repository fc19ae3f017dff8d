import { defaultTheme } from 'react-admin';
import type { RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme, with wide tables scrolling inside their card on a narrow window
 * instead of widening the whole page.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  components: {
    ...defaultTheme.components,
    RaLayout: {
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        },
      },
    },
    RaList: {
      styleOverrides: {
        root: { '& .RaList-content': { overflowX: 'auto' }, '& .RaList-main': { minWidth: 0 } },
      },
    },
  } as RaThemeOptions['components'],
};
