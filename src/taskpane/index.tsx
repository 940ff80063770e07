/**
 * Taskpane entry (placeholder until the model builder lands): shows that the add-in is loaded and
 * where to start. Runs in the shared runtime page next to the custom functions.
 */
function render(host: string | null): void {
  const root = document.getElementById("root");
  if (root === null) return;
  root.textContent =
    host === null
      ? "CapTable preview: Excel was not detected. The custom functions are loaded; open this page from Excel to build model sheets."
      : "CapTable is ready. Type =CAPTABLE. in a cell to see the functions.";
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => render(info.host ? String(info.host) : null));
} else {
  render(null);
}
