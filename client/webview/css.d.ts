// esbuild bundles CSS imported from the webview entry into dist/webview/main.css.
declare module '*.css';
