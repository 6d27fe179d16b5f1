// Served to the test page as a separate script (with the page nonce) before the webview bundle:
// a fake acquireVsCodeApi that records messages, a state kept in sessionStorage (so a reload
// restores it), a CSP-violation log, and theme switching like VS Code does it.
(function () {
  'use strict';
  var THEMES = {
    dark: {
      bodyClass: 'vscode-dark',
      vars: {
        '--vscode-font-family': 'system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
        '--vscode-font-size': '13px',
        '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
        '--vscode-foreground': '#cccccc',
        '--vscode-editor-foreground': '#cccccc',
        '--vscode-editor-background': '#1f1f1f',
        '--vscode-descriptionForeground': '#9d9d9d',
        '--vscode-errorForeground': '#f85149',
        '--vscode-panel-border': '#2b2b2b',
        '--vscode-widget-border': '#313131',
        '--vscode-editorWidget-background': '#202020',
        '--vscode-sideBar-background': '#181818',
        '--vscode-focusBorder': '#0078d4',
        '--vscode-charts-foreground': '#cccccc',
        '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
        '--vscode-charts-blue': '#3794ff',
        '--vscode-charts-red': '#f14c4c',
        '--vscode-charts-yellow': '#cca700',
        '--vscode-charts-orange': '#d18616',
        '--vscode-charts-green': '#89d185',
        '--vscode-charts-purple': '#b180d7',
        '--vscode-button-background': '#0078d4',
        '--vscode-button-foreground': '#ffffff',
        '--vscode-button-hoverBackground': '#026ec1',
        '--vscode-button-secondaryBackground': '#313131',
        '--vscode-button-secondaryForeground': '#cccccc',
        '--vscode-button-secondaryHoverBackground': '#3c3c3c',
        '--vscode-settings-textInputBackground': '#313131',
        '--vscode-settings-textInputForeground': '#cccccc',
        '--vscode-settings-textInputBorder': '#3c3c3c',
        '--vscode-settings-checkboxBackground': '#313131',
        '--vscode-settings-checkboxBorder': '#3c3c3c',
        '--vscode-settings-checkboxForeground': '#cccccc',
        '--vscode-settings-dropdownBackground': '#313131',
        '--vscode-settings-dropdownBorder': '#3c3c3c',
        '--vscode-settings-dropdownForeground': '#cccccc',
        '--vscode-settings-dropdownListBorder': '#454545',
        '--vscode-inputValidation-errorBorder': '#be1100',
        '--vscode-inputValidation-errorBackground': '#5a1d1d',
        '--vscode-editorGutter-modifiedBackground': '#0078d4',
      },
    },
    light: {
      bodyClass: 'vscode-light',
      vars: {
        '--vscode-font-family': 'system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
        '--vscode-font-size': '13px',
        '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
        '--vscode-foreground': '#3b3b3b',
        '--vscode-editor-foreground': '#3b3b3b',
        '--vscode-editor-background': '#ffffff',
        '--vscode-descriptionForeground': '#717171',
        '--vscode-errorForeground': '#f85149',
        '--vscode-panel-border': '#e5e5e5',
        '--vscode-widget-border': '#e5e5e5',
        '--vscode-editorWidget-background': '#f8f8f8',
        '--vscode-sideBar-background': '#f8f8f8',
        '--vscode-focusBorder': '#005fb8',
        '--vscode-charts-foreground': '#3b3b3b',
        '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
        '--vscode-charts-blue': '#1a85ff',
        '--vscode-charts-red': '#e51400',
        '--vscode-charts-yellow': '#bf8803',
        '--vscode-charts-orange': '#d18616',
        '--vscode-charts-green': '#388a34',
        '--vscode-charts-purple': '#652d90',
        '--vscode-button-background': '#005fb8',
        '--vscode-button-foreground': '#ffffff',
        '--vscode-button-hoverBackground': '#0258a8',
        '--vscode-button-secondaryBackground': '#e5e5e5',
        '--vscode-button-secondaryForeground': '#3b3b3b',
        '--vscode-button-secondaryHoverBackground': '#cccccc',
        '--vscode-settings-textInputBackground': '#ffffff',
        '--vscode-settings-textInputForeground': '#3b3b3b',
        '--vscode-settings-textInputBorder': '#cecece',
        '--vscode-settings-checkboxBackground': '#f8f8f8',
        '--vscode-settings-checkboxBorder': '#cecece',
        '--vscode-settings-checkboxForeground': '#3b3b3b',
        '--vscode-settings-dropdownBackground': '#ffffff',
        '--vscode-settings-dropdownBorder': '#cecece',
        '--vscode-settings-dropdownForeground': '#3b3b3b',
        '--vscode-settings-dropdownListBorder': '#c8c8c8',
        '--vscode-inputValidation-errorBorder': '#be1100',
        '--vscode-inputValidation-errorBackground': '#f2dede',
        '--vscode-editorGutter-modifiedBackground': '#005fb8',
      },
    },
  };

  // High contrast (dark): black background, white text, VS Code's chart colours and a contrast border.
  THEMES['high-contrast'] = {
    bodyClass: 'vscode-high-contrast',
    vars: Object.assign({}, THEMES.dark.vars, {
      '--vscode-foreground': '#ffffff',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-panel-border': '#6fc3df',
      '--vscode-widget-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-editorWidget-background': '#0c141f',
      '--vscode-sideBar-background': '#000000',
      '--vscode-charts-foreground': '#ffffff',
      '--vscode-charts-lines': 'rgba(255, 255, 255, 0.6)',
    }),
  };

  var sent = [];
  var violations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });

  function setTheme(name) {
    var theme = THEMES[name];
    var root = document.documentElement;
    Object.keys(theme.vars).forEach(function (k) {
      root.style.setProperty(k, theme.vars[k]);
    });
    document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast');
    document.body.classList.add(theme.bodyClass);
    document.body.dataset.vscodeThemeKind = theme.bodyClass;
  }

  var initial = sessionStorage.getItem('fakeTheme') || 'dark';
  setTheme(initial);

  window.__test = {
    sent: sent,
    violations: violations,
    setTheme: function (name) {
      sessionStorage.setItem('fakeTheme', name);
      setTheme(name);
    },
    send: function (msg) {
      window.postMessage(msg, '*');
    },
  };

  var acquired = false;
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: function (m) {
        sent.push(JSON.parse(JSON.stringify(m)));
      },
      getState: function () {
        var s = sessionStorage.getItem('vscodeState');
        return s === null ? undefined : JSON.parse(s);
      },
      setState: function (s) {
        sessionStorage.setItem('vscodeState', JSON.stringify(s));
        return s;
      },
    };
  };
})();
