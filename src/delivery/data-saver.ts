/**
 * Save-Data and 2G: when the reader has asked the browser to save data
 * (`navigator.connection.saveData`, Chromium's Data Saver or a phone's data-saving mode) or the link
 * is 2G, nothing big is fetched ahead of need: Python downloads when Run is pressed, not when a
 * block comes into view or the pointer reaches Run, and each block says so before it runs.
 */
interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

/** The reader saves data, or is on a 2G link (navigator.connection, where the browser has it). */
export function savingData(): boolean {
  const connection = (navigator as { connection?: NetworkInformation }).connection;
  const type = connection?.effectiveType;
  return connection?.saveData === true || type === "2g" || type === "slow-2g";
}

/** The runtime's download in the blocks' words (`npm run bench`: runtimeMB 19.7, uncompressed). */
export const RUNTIME_SIZE = "about 20 MB";
