/** kernel_info_reply content (also answered by the wire thread on the control channel). */
import { createRequire } from "node:module";
import { PROTOCOL_VERSION } from "../wire/message.js";

// Read the version from package.json: importing typescript itself costs ~300 ms at startup.
const tsVersion = (createRequire(import.meta.url)("typescript/package.json") as { version: string }).version;

export const IMPLEMENTATION_VERSION = "0.1.0";

export function kernelInfo(): Record<string, unknown> {
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: "pijar",
    implementation_version: IMPLEMENTATION_VERSION,
    language_info: {
      name: "typescript",
      version: tsVersion,
      mimetype: "text/typescript",
      file_extension: ".ts",
      // A string, not a {name, typescript} dict: some clients (runtimed's Rust crates) accept only
      // a string, and JupyterLab maps "typescript" to its TypeScript mode.
      codemirror_mode: "typescript",
      pygments_lexer: "typescript",
    },
    banner: `Pijar ${IMPLEMENTATION_VERSION}: PySpark-style DataFrames in TypeScript (Node ${process.versions.node}, TypeScript ${tsVersion})`,
    help_links: [{ text: "PySpark API reference", url: "https://spark.apache.org/docs/latest/api/python/reference/index.html" }],
    debugger: false,
  };
}
