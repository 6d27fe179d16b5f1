// A node:test reporter that prints one closing line per tier: "<tier>: N passed, N failed".
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Suites report too; count leaf tests only.
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:fail') failed++;
    else if (event.data.skip || event.data.todo) skipped++;
    else passed++;
  }
  const tier = process.env.SPARK_DRA_TEST_TIER ?? 'tests';
  const skip = skipped > 0 ? `, ${skipped} skipped` : '';
  yield `${tier}: ${passed} passed, ${failed} failed${skip}\n`;
}
