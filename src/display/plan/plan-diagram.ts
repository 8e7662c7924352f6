/**
 * What `df.planDiagram()` returns: the measured plan of the DataFrame's last action, shown by
 * the notebook as an SVG image with the explain("analyze") text beside it (text/plain, for
 * consoles and for readers without images).
 */
import { JUPYTER_DISPLAY, type MimeBundle } from "../html.js";
import { analyzedPlanText } from "../../execution/explain-analyze.js";
import type { PlanProfile } from "../../execution/profile.js";
import { planSvg } from "./plan-svg.js";

export class PlanDiagram {
  constructor(readonly profile: PlanProfile) {}

  /** The self-contained SVG (write it to a file, or embed it in a page). */
  get svg(): string {
    return planSvg(this.profile);
  }

  /** The same plan as explain("analyze") prints it. */
  get text(): string {
    return analyzedPlanText(this.profile);
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    return { "image/svg+xml": this.svg, "text/plain": this.text };
  }

  toString(): string {
    return this.text;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.text;
  }
}
