// Prints the browser the build and the browser tests will use, or how to get one.
import { findBrowser } from '../src/site/browser/launch.ts';

const found = findBrowser();
if (!found.ok) {
  console.error(found.message);
  process.exit(1);
}
console.log(`browser: ${found.path} (${found.source})`);
