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

  function highlight(cell) {
    $$("td.partner, td.selected", table).forEach((c) => c.classList.remove("partner", "selected"));
    const other = cell.dataset.side === "a" ? "b" : "a";
    const partner = $('td[data-row="' + cell.dataset.row + '"][data-side="' + other + '"]', table);
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

  $$("#filter input").forEach((box) => box.addEventListener("change", () => {
    const shown = new Set($$("#filter input:checked").map((b) => b.value));
    $$("tbody tr", table).forEach((row) => {
      const classes = row.dataset.classes.split("|");
      row.classList.toggle("hidden", !classes.some((c) => shown.has(c)));
    });
  }));

  const heat = JSON.parse($("#heatmap-data").textContent);
  const canvas = $("#heatmap");
  const values = heat.values;
  const rows = values.length, cols = rows ? values[0].length : 0;
  if (rows && cols) {
    const cell = Math.max(2, Math.floor(320 / Math.max(rows, cols)));
    canvas.width = cols * cell;
    canvas.height = rows * cell;
    const context = canvas.getContext("2d");
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const shade = Math.round(255 * (1 - values[i][j]));
        context.fillStyle = "rgb(" + shade + "," + shade + ",255)";
        context.fillRect(j * cell, i * cell, cell, cell);
      }
    }
    canvas.addEventListener("click", (event) => {
      const box = canvas.getBoundingClientRect();
      const i = Math.floor((event.clientY - box.top) / (box.height / rows)) * heat.block[0];
      const j = Math.floor((event.clientX - box.left) / (box.width / cols)) * heat.block[1];
      const id = heat.row_of_a[i] || heat.row_of_b[j];
      const target = id && document.getElementById(id);
      if (target) {
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
  if (reportButton) reportButton.addEventListener("click", () => {
    // The page is self-contained (inline style and script), so a copy opens offline. It
    // holds every row whatever the filters show, and no selection: a report, not a view.
    const copy = document.documentElement.cloneNode(true);
    $$(".no-report", copy).forEach((node) => node.remove());
    $$("tr.hidden", copy).forEach((row) => row.classList.remove("hidden"));
    $$("td.selected, td.partner", copy).forEach((cell) => cell.classList.remove("selected", "partner"));
    const about = $("#about", copy);
    if (about) about.open = true;
    download(stem + ".html", "text/html", "<!doctype html>\n" + copy.outerHTML);
  });
})();
