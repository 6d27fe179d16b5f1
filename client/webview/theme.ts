// Chart colours from the VS Code theme's CSS variables, and a watcher for theme changes.

export type ThemeKind = 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';

export interface ChartTheme {
  kind: ThemeKind;
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  fontFamily: string;
  fontSizePx: number;
  series: {
    running: string;
    target: string;
    pendingPods: string;
    busySlots: string;
    pendingTasks: string;
    livePvcs: string;
    static: string;
    /** What an event log observed (replays only). */
    observed: string;
  };
}

export function themeKind(body: HTMLElement = document.body): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

const FALLBACK: Record<'dark' | 'light', Record<string, string>> = {
  dark: {
    fg: '#cccccc',
    bg: '#1e1e1e',
    grid: 'rgba(204, 204, 204, 0.15)',
    blue: '#3794ff',
    red: '#f14c4c',
    yellow: '#cca700',
    orange: '#d18616',
    green: '#89d185',
    purple: '#b180d7',
    lines: 'rgba(204, 204, 204, 0.5)',
  },
  light: {
    fg: '#3b3b3b',
    bg: '#ffffff',
    grid: 'rgba(59, 59, 59, 0.15)',
    blue: '#1a85ff',
    red: '#e51400',
    yellow: '#bf8803',
    orange: '#d18616',
    green: '#388a34',
    purple: '#652d90',
    lines: 'rgba(59, 59, 59, 0.5)',
  },
};

export function readTheme(root: HTMLElement = document.documentElement, body: HTMLElement = document.body): ChartTheme {
  const kind = themeKind(body);
  const fb = FALLBACK[kind === 'light' || kind === 'high-contrast-light' ? 'light' : 'dark'];
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string): string => {
    const value = css.getPropertyValue(name).trim();
    return value.length > 0 ? value : fallback;
  };
  const foreground = v('--vscode-editor-foreground', v('--vscode-foreground', fb.fg));
  const lines = v('--vscode-charts-lines', fb.lines);
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const fontFamily = v('--vscode-font-family', 'sans-serif');
  const fontSizePx = Number.parseFloat(v('--vscode-font-size', '12px'));
  return {
    kind,
    foreground,
    muted: v('--vscode-descriptionForeground', foreground),
    grid: highContrast ? lines : v('--vscode-panel-border', fb.grid),
    background: v('--vscode-editor-background', fb.bg),
    fontFamily,
    fontSizePx: Number.isFinite(fontSizePx) && fontSizePx >= 8 && fontSizePx <= 40 ? fontSizePx : 12,
    series: {
      running: v('--vscode-charts-blue', fb.blue),
      target: v('--vscode-charts-purple', fb.purple),
      pendingPods: v('--vscode-charts-orange', fb.orange),
      busySlots: v('--vscode-charts-green', fb.green),
      pendingTasks: v('--vscode-charts-yellow', fb.yellow),
      livePvcs: v('--vscode-charts-red', fb.red),
      static: lines,
      observed: v('--vscode-charts-foreground', foreground),
    },
  };
}

/**
 * Calls `onChange` (coalesced) when the body's theme class or the root's inline CSS variables change,
 * which is what VS Code does on a theme switch. Returns a function that stops watching.
 */
export function observeTheme(onChange: () => void): () => void {
  let scheduled = false;
  const fire = (): void => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      onChange();
    }, 0);
  };
  const observer = new MutationObserver(fire);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
