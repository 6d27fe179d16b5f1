// The tool's version, kept in one place for the CLI and SARIF output.
export const VERSION = '0.1.0';
