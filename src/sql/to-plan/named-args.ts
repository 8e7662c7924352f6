/**
 * Named arguments (`explode(collection => array(1, 2))`): Spark accepts them for functions that
 * declare a signature, and places each by its parameter name. Pijar knows the signatures below;
 * any other function with a named argument raises NAMED_PARAMETERS_NOT_SUPPORTED, as Spark does
 * for functions without one.
 */
import { PijarError, orderBySimilarity } from "../../errors/pijar-error.js";

/** Parameter names, in order, of the functions whose calls may name their arguments. */
const SIGNATURES: Record<string, readonly string[]> = {
  explode: ["collection"], explode_outer: ["collection"],
  posexplode: ["collection"], posexplode_outer: ["collection"],
  inline: ["input"], inline_outer: ["input"],
};

/** `args` in parameter order; `names[i]` is the name given to args[i] (undefined: positional). */
export function placeNamedArgs<T>(fn: string, args: readonly T[], names: readonly (string | undefined)[]): T[] {
  const params = SIGNATURES[fn];
  const routine = "`" + fn + "`";
  if (!params) throw new PijarError("NAMED_PARAMETERS_NOT_SUPPORTED", { functionName: routine });
  const placed: (T | undefined)[] = [];
  let firstNamed: string | undefined;
  args.forEach((a, i) => {
    const name = names[i];
    if (name === undefined) {
      if (firstNamed !== undefined) throw new PijarError("UNEXPECTED_POSITIONAL_ARGUMENT", { routineName: routine, parameterName: "`" + firstNamed + "`" });
      placed[i] = a;
      return;
    }
    firstNamed ??= name;
    const at = params.findIndex((p) => p.toLowerCase() === name.toLowerCase());
    if (at < 0) {
      throw new PijarError("UNRECOGNIZED_PARAMETER_NAME", {
        routineName: routine, argumentName: "`" + name + "`",
        proposal: orderBySimilarity(name, [...params], 3).map((p) => "`" + p + "`").join(" "),
      });
    }
    if (placed[at] !== undefined) {
      const sub = at < i && names[at] === undefined ? "BOTH_POSITIONAL_AND_NAMED" : "DOUBLE_NAMED_ARGUMENT_REFERENCE";
      throw new PijarError(`DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.${sub}`, { routineName: routine, parameterName: "`" + params[at] + "`" });
    }
    placed[at] = a;
  });
  const missing = placed.findIndex((a) => a === undefined);
  if (missing >= 0 && missing < placed.length) {
    throw new PijarError("REQUIRED_PARAMETER_NOT_FOUND", { routineName: routine, parameterName: "`" + params[missing] + "`", index: String(missing) });
  }
  return placed as T[];
}
