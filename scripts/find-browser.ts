// Prints the browser the build and the browser tests will use, or how to get one.
import { findBrowser } from '../src/site/find-browser.ts';

try {
  const browser = findBrowser();
  console.log(`browser: ${browser.path} (${browser.source})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
