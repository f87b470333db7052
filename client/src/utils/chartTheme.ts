/** Colours of the chart furniture (text, grid lines, whiskers) for the current theme. */
export function chartColors(dark: boolean): { text: string; grid: string; whisker: string; tooltip: string } {
  return dark
    ? { text: '#c9cbd6', grid: '#2e3040', whisker: '#eceef8', tooltip: '#1c1d26' }
    : { text: '#4a4d5a', grid: '#e6e8f0', whisker: '#1c1e2b', tooltip: '#ffffff' };
}
