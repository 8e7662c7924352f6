/**
 * The grid as a Jupyter widget, in the anywidget model: the kernel opens a `jupyter.widget` comm
 * whose state carries the front-end module (`_esm`, esm.ts) and names anywidget's generic
 * `AnyModel`/`AnyView`, and the display bundle points at that model
 * (`application/vnd.jupyter.widget-view+json`). Why anywidget: its front end is one pip package
 * (pinned in requirements.txt) that JupyterLab, Notebook 7 and VS Code already know how to load,
 * so Pijar ships no lab extension and no bundler; the grid's view is plain ESM text sent with the
 * state. The bundle also carries the HTML table, which is what shows where no widget manager runs
 * (nbconvert, GitHub, a notebook reopened without its kernel).
 */
import type { MimeBundle } from "../html.js";
import { GRID_ESM } from "./esm.js";
import type { GridColumn } from "./protocol.js";

/**
 * The anywidget front end the state names: `~0.11.*` matches the pinned `anywidget==0.11.0` (the
 * same semver range the anywidget Python package itself sends; the widget manager refuses a model
 * whose module version it does not have).
 */
export const ANYWIDGET_MODULE_VERSION = "~0.11.*";

/** The Jupyter widget message protocol version (ipywidgets 8). */
export const WIDGET_PROTOCOL_VERSION = "2.1.0";

/** What the grid needs of a kernel's comms (the Pijar kernel's CommManager has this shape). */
export interface WidgetComm {
  readonly id: string;
  send(data: Record<string, unknown>): void;
  onMsg(handler: (data: Record<string, unknown>) => void | Promise<void>): void;
  onClose(handler: (data: Record<string, unknown>) => void): void;
}

export interface WidgetHost {
  open(targetName: string, data?: Record<string, unknown>, metadata?: Record<string, unknown>): WidgetComm;
}

/** Whether a display call came with a kernel able to host widgets. */
export function isWidgetHost(v: unknown): v is WidgetHost {
  return typeof v === "object" && v !== null && typeof (v as WidgetHost).open === "function";
}

/** The widget model's state: anywidget's names plus the grid's columns and page size. */
export function gridWidgetState(columns: GridColumn[], pageSize: number): Record<string, unknown> {
  return {
    _model_name: "AnyModel",
    _model_module: "anywidget",
    _model_module_version: ANYWIDGET_MODULE_VERSION,
    _view_name: "AnyView",
    _view_module: "anywidget",
    _view_module_version: ANYWIDGET_MODULE_VERSION,
    _view_count: null,
    // anywidget keys hot reloading and its CSS on this id, one per widget kind.
    _anywidget_id: "pijar.DataGrid",
    _esm: GRID_ESM,
    columns,
    page_size: pageSize,
  };
}

/** The display bundle: the widget view plus the fallback bundle (text/plain, text/html, ...). */
export function gridViewBundle(modelId: string, fallback: MimeBundle): MimeBundle {
  return {
    ...fallback,
    "application/vnd.jupyter.widget-view+json": { version_major: 2, version_minor: 0, model_id: modelId },
  };
}
