/**
 * The smoke suite in WebKit (`checks.ts`). WebKitGTK is cross-origin isolated with the site's
 * headers but has no SharedArrayBuffer, so every run here is in the degraded mode already.
 */
import { launchWebKit } from "./webkit.ts";
import { engineSuite } from "./suite.ts";

engineSuite("webkit", () => launchWebKit(), { missing: "shared-array-buffer" }, null);
