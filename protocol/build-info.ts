// The package version, injected by the build (scripts/build.mjs defines SPARK_DRA_VERSION from package.json).
// Sources run without bundling (tests through tsx) report "dev".
declare const SPARK_DRA_VERSION: string | undefined;

export const PACKAGE_VERSION: string = typeof SPARK_DRA_VERSION === 'string' ? SPARK_DRA_VERSION : 'dev';
