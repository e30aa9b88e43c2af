(function () {
  "use strict";
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  // --- The form: drag and drop onto the two boxes, and a size check before sending.
  const form = $("#compare-form");
  if (form) {
    $$(".drop", form).forEach((box) => {
      const input = $("input[type=file]", box);
      const chosen = $(".chosen", box);
      input.addEventListener("change", () => { chosen.textContent = input.files.length ? input.files[0].name : ""; });
      box.addEventListener("dragover", (event) => { event.preventDefault(); box.classList.add("dragging"); });
      box.addEventListener("dragleave", () => box.classList.remove("dragging"));
      box.addEventListener("drop", (event) => {
        event.preventDefault();
        box.classList.remove("dragging");
        if (event.dataTransfer.files.length) {
          input.files = event.dataTransfer.files;
          input.dispatchEvent(new Event("change"));
        }
      });
    });
    form.addEventListener("submit", (event) => {
      const limit = Number(form.dataset.maxBytes);
      const total = $$("input[type=file]", form).reduce((sum, i) => sum + (i.files[0] ? i.files[0].size : 0), 0)
        + $$("textarea", form).reduce((sum, t) => sum + new Blob([t.value]).size, 0);
      if (total > limit) {
        event.preventDefault();
        const warning = $("#size-warning");
        warning.textContent = "These articles are larger than the " + (limit / 1048576) + " MB limit; choose smaller files or paste an excerpt.";
        warning.hidden = false;
        return;
      }
      // The comparison runs on the server; say so until the result page arrives.
      $("#progress").hidden = false;
      $("#compare-button").disabled = true;
    });
    // Coming back to the form (the browser's Back button) finds it ready again.
    window.addEventListener("pageshow", () => { $("#progress").hidden = true; $("#compare-button").disabled = false; });
  }

  // --- The result: partner highlighting, filters, heatmap and downloads.
  const table = $("#aligned");
  if (!table) return;

  // Long comparisons: rows after the first page wait until asked for (or until a link
  // such as a map click needs one of them).
  const more = $("#more-rows");
  const waiting = () => $$("tr[data-later]", table);
  let page = 0;
  function revealTo(upTo) {
    waiting().forEach((row) => { if (Number(row.dataset.later) <= upTo) row.removeAttribute("data-later"); });
    page = Math.max(page, upTo);
    if (more) {
      const left = waiting().filter((row) => !row.classList.contains("facts")).length;
      more.hidden = left === 0;
      $("#rows-left").textContent = left + " more row" + (left === 1 ? "" : "s");
    }
  }
  const reveal = (row) => { if (row && row.dataset.later) revealTo(Number(row.dataset.later)); };
  if (more) {
    $("#show-more").addEventListener("click", () => revealTo(page + 1));
    revealTo(0);
  }

  function highlight(cell) {
    $$("td.partner, td.selected", table).forEach((c) => c.classList.remove("partner", "selected"));
    const other = cell.dataset.side === "a" ? "b" : "a";
    const partner = $('td[data-row="' + cell.dataset.row + '"][data-side="' + other + '"]', table);
    if (partner) reveal(partner.parentElement);
    cell.classList.add("selected");
    if (partner) {
      partner.classList.add("partner");
      partner.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }
  $$("tr.row-pair td.side, tr.row-related td.side", table).forEach((cell) => {
    cell.addEventListener("click", () => highlight(cell));
    cell.addEventListener("keydown", (event) => { if (event.key === "Enter") highlight(cell); });
  });

  $$("button.unfold", table).forEach((button) => button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    $$('tr[data-fold="' + button.dataset.fold + '"]', table).forEach((row) => {
      if (open) row.removeAttribute("data-folded"); else row.setAttribute("data-folded", "true");
    });
    button.setAttribute("aria-expanded", String(open));
    button.textContent = button.textContent.replace(open ? "show" : "hide", open ? "hide" : "show");
  }));

  $$("#filter input").forEach((box) => box.addEventListener("change", () => {
    const shown = new Set($$("#filter input:checked").map((b) => b.value));
    $$("tbody tr", table).forEach((row) => {
      const classes = row.dataset.classes.split("|");
      row.classList.toggle("hidden", !classes.some((c) => shown.has(c)));
    });
  }));

  // --- Two reading views: the aligned rows, or each article as written with its shared
  // passages marked and linked (the view switch is kept in a saved report).
  const written = $("#written");
  const viewButtons = { aligned: $("#view-aligned"), written: $("#view-written") };
  function showView(view) {
    written.hidden = view !== "written";
    table.hidden = view === "written";
    Object.keys(viewButtons).forEach((k) => viewButtons[k].setAttribute("aria-pressed", String(k === view)));
  }
  Object.keys(viewButtons).forEach((k) => viewButtons[k].addEventListener("click", () => showView(k)));
  const matchIds = $$("#match-list tbody tr").map((row) => row.dataset.match);
  let current = -1;
  function focusMatch(id, clicked) {
    $$(".current", written).forEach((node) => node.classList.remove("current"));
    $$('[data-matches~="' + id + '"], #match-list tr[data-match="' + id + '"]', written)
      .forEach((node) => node.classList.add("current"));
    ["a", "b"].forEach((side) => {  // bring the partner into view in the other column
      const first = $('#column-' + side + ' [data-matches~="' + id + '"]', written);
      if (first && !(clicked && clicked.closest(".column") === first.closest(".column"))) first.scrollIntoView({ block: "nearest" });
    });
    current = matchIds.indexOf(id);
    $("#match-where").textContent = "Match " + (current + 1) + " of " + matchIds.length;
  }
  $$(".sent.linked", written).forEach((sentence) => {
    const choose = () => {
      const ids = sentence.dataset.matches.split(" ");  // a sentence in several matches cycles through them
      const at = ids.indexOf(matchIds[current]);
      focusMatch(ids[(at + 1) % ids.length], sentence);
    };
    sentence.addEventListener("click", choose);
    sentence.addEventListener("keydown", (event) => { if (event.key === "Enter") choose(); });
  });
  $$("#match-list tbody tr").forEach((row) => {
    row.addEventListener("click", () => focusMatch(row.dataset.match));
    row.addEventListener("keydown", (event) => { if (event.key === "Enter") focusMatch(row.dataset.match); });
  });
  const step = (by) => { if (matchIds.length) focusMatch(matchIds[(current + by + matchIds.length) % matchIds.length]); };
  $("#match-next").addEventListener("click", () => step(1));
  $("#match-previous").addEventListener("click", () => step(-1));
  document.addEventListener("keydown", (event) => {
    if (written.hidden || event.target.matches("input, textarea")) return;
    if (event.key === "n") step(1);
    if (event.key === "p") step(-1);
  });

  // The similarity map: counted sentences only, A's down the left, B's across the top,
  // numbered every few sentences; hover names both sentences, click jumps to the row.
  const heat = JSON.parse($("#heatmap-data").textContent);
  const canvas = $("#heatmap");
  const values = heat.values;
  const rows = values.length, cols = rows ? values[0].length : 0;
  const LEFT = 34, TOP = 22;  // room for the sentence numbers
  if (rows && cols) {
    const cell = Math.max(2, Math.floor(320 / Math.max(rows, cols)));
    canvas.width = LEFT + cols * cell;
    canvas.height = TOP + rows * cell;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const shade = Math.round(255 * (1 - values[i][j]));
        context.fillStyle = "rgb(" + shade + "," + shade + ",255)";
        context.fillRect(LEFT + j * cell, TOP + i * cell, cell, cell);
      }
    }
    context.strokeStyle = "#d9dce1";
    context.strokeRect(LEFT - 0.5, TOP - 0.5, cols * cell + 1, rows * cell + 1);
    context.fillStyle = "#6a7280";
    context.font = "10px system-ui, sans-serif";
    // Labels never overlap: rows at least a line apart, columns at least a label's width.
    const stepA = Math.max(1, Math.ceil(14 / cell));
    const widest = context.measureText("B" + heat.b_index[heat.b_index.length - 1]).width;
    const stepB = Math.max(1, Math.ceil((widest + 6) / cell));
    context.textAlign = "right";
    context.textBaseline = "middle";
    for (let i = 0; i < rows; i += stepA) {
      context.fillText("A" + heat.a_index[i * heat.block[0]], LEFT - 3, TOP + i * cell + cell / 2);
    }
    context.textAlign = "center";
    context.textBaseline = "bottom";
    for (let j = 0; j < cols; j += stepB) {
      context.fillText("B" + heat.b_index[j * heat.block[1]], LEFT + j * cell + cell / 2, TOP - 3);
    }
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      const x = (event.clientX - box.left) * canvas.width / box.width - LEFT;
      const y = (event.clientY - box.top) * canvas.height / box.height - TOP;
      if (x < 0 || y < 0 || x >= cols * cell || y >= rows * cell) return null;
      const i = Math.floor(y / cell) * heat.block[0], j = Math.floor(x / cell) * heat.block[1];
      return { i: i, j: j, value: values[Math.floor(y / cell)][Math.floor(x / cell)] };
    };
    const info = $("#heat-info");
    canvas.addEventListener("mousemove", (event) => {
      const hit = at(event);
      const text = hit ? "A" + heat.a_index[hit.i] + " “" + heat.a[hit.i] + "” × B" + heat.b_index[hit.j] + " “"
        + heat.b[hit.j] + "”: " + Math.round(hit.value * 100) + "% of content words in common" : "";
      canvas.title = text;
      if (info) info.textContent = text;
    });
    canvas.addEventListener("click", (event) => {
      const hit = at(event);
      if (!hit) return;
      const id = heat.row_of_a[heat.a_index[hit.i]] || heat.row_of_b[heat.b_index[hit.j]];
      const target = id && document.getElementById(id);
      if (target) {
        reveal(target);
        if (target.dataset.folded) $('button.unfold[data-fold="' + target.dataset.fold + '"]', table).click();
        target.scrollIntoView({ block: "center" });
        const first = $("td.side", target);
        const paired = target.classList.contains("row-pair") || target.classList.contains("row-related");
        if (first && paired) highlight(first);
      }
    });
  }

  function download(name, type, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  // The downloads exist on the page, not in a saved report (which has no controls).
  const data = $("#comparison-data");
  const stem = data.dataset.stem || "comparison";
  const jsonButton = $("#download-json"), reportButton = $("#download-report");
  if (jsonButton) jsonButton.addEventListener("click", () => download(stem + ".json", "application/json", data.textContent));
  const derivationButton = $("#download-derivation");
  if (derivationButton) derivationButton.addEventListener("click", () =>
    download(stem + "-derivation.csv", "text/csv", JSON.parse($("#derivation-data").textContent)));
  if (reportButton) reportButton.addEventListener("click", () => {
    // The page is self-contained (inline style and script), so a copy opens offline. It
    // holds every row whatever the filters show, and no selection: a report, not a view.
    const copy = document.documentElement.cloneNode(true);
    $$(".no-report", copy).forEach((node) => node.remove());
    $$("tr.hidden", copy).forEach((row) => row.classList.remove("hidden"));
    $$("td.selected, td.partner", copy).forEach((cell) => cell.classList.remove("selected", "partner"));
    $$(".current", copy).forEach((node) => node.classList.remove("current"));
    $$("tr[data-folded]", copy).forEach((row) => row.removeAttribute("data-folded"));
    $$("tr[data-later]", copy).forEach((row) => row.removeAttribute("data-later"));
    $$("tr.row-fold", copy).forEach((row) => row.remove());
    const about = $("#about", copy);
    if (about) about.open = true;
    download(stem + ".html", "text/html", "<!doctype html>\n" + copy.outerHTML);
  });
})();
