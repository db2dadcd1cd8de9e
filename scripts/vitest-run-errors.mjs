// A vitest reporter for `npm test`'s summary: writes the run's unhandled errors, and the files that failed
// outside any test (a hook, an import), to the JSON file named by VITEST_RUN_ERRORS. The JSON reporter
// counts neither as a failed test, yet either one fails the run.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export default class RunErrorsReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const target = process.env.VITEST_RUN_ERRORS;
    if (!target) return;
    const errors = unhandledErrors.map((e) => ({ where: originOf(e), message: `${e.name ?? 'Error'}: ${e.message ?? ''}` }));
    for (const m of testModules) {
      for (const e of m.errors()) errors.push({ where: relative(process.cwd(), m.moduleId), message: `${e.name ?? 'Error'}: ${e.message ?? ''}` });
      for (const suite of m.children.allSuites()) {
        for (const e of suite.errors())
          errors.push({ where: `${relative(process.cwd(), m.moduleId)} › ${suite.fullName}`, message: `${e.name ?? 'Error'}: ${e.message ?? ''}` });
      }
    }
    writeFileSync(target, JSON.stringify(errors));
  }
}

/** Vitest names the test file (and the last test) an unhandled error came from when it knows them. */
function originOf(error) {
  const file = error.VITEST_TEST_PATH ? relative(process.cwd(), error.VITEST_TEST_PATH) : 'unknown file';
  return error.VITEST_TEST_NAME ? `${file} › ${error.VITEST_TEST_NAME}` : file;
}
