// Says which Node and browsers the tests run on (a README figure is only as good as these).
import { execFileSync } from "node:child_process";

const version = (cmd, ...args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split("\n")[0];
  } catch {
    return "missing";
  }
};
console.log(`test: Node ${process.version}, npm ${version("npm", "--version")}`);
console.log(`test: ${version(process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", "--version")}`);
console.log(`test: ${version("firefox-esr", "--version")}`);
