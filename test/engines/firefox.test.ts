/** The smoke suite in Firefox (`checks.ts`); degraded: no headers and service workers off. */
import { launchFirefox } from "./firefox.ts";
import { engineSuite } from "./suite.ts";

engineSuite(
  "firefox",
  () => launchFirefox(),
  { missing: null },
  {
    what: "no COOP/COEP headers and service workers switched off",
    launch: () => launchFirefox({ "dom.serviceWorkers.enabled": false }),
    facts: { missing: "service-worker" },
  },
);
