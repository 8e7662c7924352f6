/**
 * The grid's front end: an anywidget ES module (`export default { render({ model, el }) }`),
 * hand-written and sent as text in the widget state, so there is nothing to bundle or install
 * beyond anywidget itself. It holds one page of rows; every page, sort or filter change is a
 * request to the kernel (protocol.ts), answered with that page only. Cells are set with
 * textContent (never HTML), colours come from JupyterLab's theme variables (light and dark) with
 * light fallbacks for other front ends. `data-rows-received` on the root counts the rows that
 * reached the browser, for tests and the curious.
 */
export const GRID_ESM = String.raw`
const CSS = ".pijar-grid{font-family:var(--jp-code-font-family,monospace);font-size:12px;color:var(--jp-content-font-color1,#222)}" +
  ".pijar-grid-bar{display:flex;gap:8px;align-items:center;margin:0 0 4px 0;font-family:var(--jp-ui-font-family,sans-serif)}" +
  ".pijar-grid-bar button{background:var(--jp-layout-color2,#eee);color:var(--jp-ui-font-color1,#222);border:1px solid var(--jp-border-color1,#bbb);border-radius:2px;padding:1px 8px;cursor:pointer}" +
  ".pijar-grid-bar button:disabled{opacity:.4;cursor:default}" +
  ".pijar-grid-error{color:var(--jp-error-color1,#d32f2f)}" +
  ".pijar-grid-scroll{max-height:420px;overflow:auto}" +
  ".pijar-grid table{border-collapse:collapse}" +
  ".pijar-grid th,.pijar-grid td{border:1px solid var(--jp-border-color2,#ccc);padding:2px 8px;text-align:left;white-space:pre;max-width:32em;overflow:hidden;text-overflow:ellipsis}" +
  ".pijar-grid thead th{background:var(--jp-layout-color2,#eee);color:var(--jp-ui-font-color1,#222);position:sticky;top:0}" +
  ".pijar-grid th.pijar-grid-head{cursor:pointer;user-select:none}" +
  ".pijar-grid .pijar-type{display:block;font-weight:normal;color:var(--jp-ui-font-color2,#757575);font-size:10px}" +
  ".pijar-grid input{width:100%;box-sizing:border-box;font:inherit;background:var(--jp-layout-color1,#fff);color:var(--jp-ui-font-color1,#222);border:1px solid var(--jp-border-color1,#bbb)}" +
  ".pijar-grid td.pijar-null{color:var(--jp-ui-font-color3,#999);font-style:italic}" +
  ".pijar-grid .pijar-num{text-align:right}";
const NUMERIC = /^(tinyint|smallint|int|bigint|float|double|decimal)/;

function make(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render({ model, el }) {
  const columns = model.get("columns");
  const limit = model.get("page_size");
  const numeric = columns.map((c) => NUMERIC.test(c.type));
  const st = { seq: 0, offset: 0, sort: null, filter: {}, total: null, received: 0 };
  const root = make("div", "pijar-grid");
  root.dataset.rowsReceived = "0";
  const style = make("style", "", CSS);
  const bar = make("div", "pijar-grid-bar");
  const prev = make("button", "pijar-grid-prev", "\u2039 Prev");
  const next = make("button", "pijar-grid-next", "Next \u203a");
  const status = make("span", "pijar-grid-status", "loading\u2026");
  const error = make("span", "pijar-grid-error");
  bar.append(prev, next, status, error);
  const table = make("table");
  const head = make("tr");
  const filters = make("tr");
  const body = make("tbody");
  const thead = make("thead");
  thead.append(head, filters);
  table.append(thead, body);
  const scroll = make("div", "pijar-grid-scroll");
  scroll.append(table);
  root.append(style, bar, scroll);
  el.append(root);

  const request = () => {
    st.seq += 1;
    status.textContent = "loading\u2026";
    model.send({ type: "page", seq: st.seq, offset: st.offset, limit, sort: st.sort, filter: st.filter });
  };
  const heads = columns.map((c, i) => {
    const th = make("th", "pijar-grid-head" + (numeric[i] ? " pijar-num" : ""));
    th.dataset.column = c.name;
    const label = make("span", "pijar-grid-name", c.name);
    th.append(label, make("span", "pijar-type", c.type));
    // Click: ascending, again: descending, a third time: unsorted.
    th.addEventListener("click", () => {
      const s = st.sort && st.sort.column === c.name ? st.sort : null;
      st.sort = !s ? { column: c.name, ascending: true } : s.ascending ? { column: c.name, ascending: false } : null;
      heads.forEach((h, k) => (h.label.textContent = columns[k].name + (st.sort && st.sort.column === columns[k].name ? (st.sort.ascending ? " \u25b2" : " \u25bc") : "")));
      st.offset = 0;
      request();
    });
    head.append(th);
    const input = make("input", "pijar-grid-filter");
    input.placeholder = NUMERIC.test(c.type) ? "= > < NULL" : "contains";
    input.dataset.column = c.name;
    let timer = null;
    const apply = () => {
      clearTimeout(timer);
      const v = input.value.trim();
      if ((st.filter[c.name] || "") === v) return;
      if (v) st.filter[c.name] = v; else delete st.filter[c.name];
      st.offset = 0;
      st.total = null;
      request();
    };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") apply(); });
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(apply, 500); });
    const td = make("th");
    td.append(input);
    filters.append(td);
    return { th, label };
  });
  prev.addEventListener("click", () => { st.offset = Math.max(0, st.offset - limit); request(); });
  next.addEventListener("click", () => { st.offset += limit; request(); });

  const onMsg = (msg) => {
    if (!msg || msg.seq !== st.seq) return; // a reply to a request the user has moved past
    if (msg.type === "error") {
      error.textContent = msg.message;
      status.textContent = "";
      return;
    }
    error.textContent = "";
    st.total = msg.totalRows;
    st.received += msg.rows.length;
    root.dataset.rowsReceived = String(st.received);
    body.replaceChildren(...msg.rows.map((row) => {
      const tr = make("tr");
      row.forEach((v, i) => {
        const td = make("td", (v === null ? "pijar-null" : "") + (numeric[i] ? " pijar-num" : ""), v === null ? "NULL" : v);
        if (v !== null && v.length > 40) td.title = v;
        tr.append(td);
      });
      return tr;
    }));
    const first = msg.rows.length ? msg.offset + 1 : 0;
    const fmt = (n) => n.toLocaleString("en-US");
    status.textContent = "rows " + fmt(first) + "\u2013" + fmt(msg.offset + msg.rows.length) + " of " + fmt(st.total);
    prev.disabled = msg.offset === 0;
    next.disabled = msg.offset + msg.rows.length >= st.total;
  };
  model.on("msg:custom", onMsg);
  request();
  return () => model.off("msg:custom", onMsg);
}

export default { render };
`;
