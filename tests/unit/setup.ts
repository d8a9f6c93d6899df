// Every unit test runs with the English strings loaded, as every page does: modules that also run in a worker or in
// Playwright read strings through src/i18n/core.ts, which loads no table itself (src/i18n/index.ts does).
import "../../src/i18n";
