#!/usr/bin/env node
/**
 * `pijar` command line: `pijar install [--user|--sys-prefix|--prefix PATH] [--name NAME]
 * [--interrupt-mode signal|message]` installs the Jupyter kernelspec.
 */
import { install, type InstallOptions } from "./install.js";

const USAGE = `usage: pijar install [--user | --sys-prefix | --prefix PATH] [--name NAME] [--interrupt-mode message|signal]`;

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd !== "install") {
    process.stderr.write(`${cmd ? `unknown command "${cmd}"\n` : ""}${USAGE}\n`);
    return cmd === "--help" || cmd === "-h" ? 0 : 2;
  }
  const opts: InstallOptions = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (!v) throw new Error(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === "--user") opts.user = true;
    else if (a === "--sys-prefix") opts.sysPrefix = true;
    else if (a === "--prefix") opts.prefix = value();
    else if (a.startsWith("--prefix=")) opts.prefix = a.slice(9);
    else if (a === "--name") opts.name = value();
    else if (a === "--interrupt-mode") {
      const m = value();
      if (m !== "signal" && m !== "message") throw new Error(`--interrupt-mode must be "signal" or "message", not "${m}".`);
      opts.interruptMode = m;
    } else throw new Error(`unknown option "${a}". ${USAGE}`);
  }
  const dir = install(opts);
  process.stdout.write(`Installed the "TypeScript (Pijar)" kernelspec in ${dir}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`pijar: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
