/**
 * Declarations of the globals every cell sees (the kernel installs them in globals.ts), checked
 * as one more file of the notebook's TypeScript program.
 */
export const GLOBALS_DTS = `import type * as __P from "pijar";
declare global {
  var spark: __P.SparkSession;
  var F: typeof __P.functions;
  var Window: typeof __P.Window;
  var T: typeof __P.types;
  /** Shows a value (DataFrame, chart, anything) as a rich output of the running cell; grid: a DataFrame as its interactive grid. */
  function display(value: unknown, opts?: { displayId?: string; update?: boolean; grid?: boolean }): Promise<void>;
  /** Clears the running cell's output (wait: until new output arrives). */
  function clearOutput(wait?: boolean): void;
  /** Asks the user for a line of text (like Python's input()). */
  function input(prompt?: string, password?: boolean): string;
  /** Alias of input(). */
  function prompt(message?: string): string;
  /** Jupyter comms (the widget channel): register a target the front end opens, or open one. */
  var comms: {
    registerTarget(name: string, handler: (comm: __PijarComm, data: Record<string, unknown>) => void): void;
    unregisterTarget(name: string): void;
    open(targetName: string, data?: Record<string, unknown>, metadata?: Record<string, unknown>): __PijarComm;
  };
  interface __PijarComm {
    readonly id: string;
    readonly targetName: string;
    send(data: Record<string, unknown>, metadata?: Record<string, unknown>): void;
    close(data?: Record<string, unknown>): void;
    onMsg(handler: (data: Record<string, unknown>, msg: Record<string, unknown>) => void): void;
    onClose(handler: (data: Record<string, unknown>) => void): void;
  }
}
export {};
`;
