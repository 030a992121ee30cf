// Run it yourself: each example the build ran (marked by
// scripts/handbook_tools/runnable.py) gets a Run button, and nothing else loads until a
// reader clicks one: then run-editor.js, which turns the code into an editable box and
// runs it with Pyodide in a worker. Loaded only on pages with runnable examples
// (hooks/run_in_browser.py); instant navigation runs it again on each such page.
(() => {
  const assets = new URL(".", document.currentScript.src);
  const trimmed = (text) => text.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");

  function element(tag, properties = {}, text = "") {
    const node = Object.assign(document.createElement(tag), properties);
    if (text) node.textContent = text;
    return node;
  }

  // The code block the reader sees: the block's own, or, for a prediction, the one
  // above its "Output" reveal.
  function sourceOf(block) {
    if (block.dataset.source === "above") {
      return block.closest("details")?.previousElementSibling ?? null;
    }
    return block.querySelector(".language-python");
  }

  // Browsers start no worker from file://: the offline copy says how to serve itself.
  function offlineNote(source) {
    const note = element("p", { className: "handbook-run__offline" });
    note.append(
      "To run this example, serve this folder: browsers do not start Python's worker from a file. In the folder, run ",
      element("code", {}, "python3 -m http.server"),
      " and open ",
      element("code", {}, "http://localhost:8000/"),
      ".",
    );
    source.after(note);
  }

  function button(label, number, hidden) {
    const made = element("button", { type: "button", className: "handbook-run__button", hidden }, label);
    made.setAttribute("aria-label", `${label} example ${number}`);
    return made;
  }

  function setUp(block, number) {
    const source = sourceOf(block);
    if (!source) return;
    if (location.protocol === "file:") return offlineNote(source);
    const example = {
      block,
      number,
      source,
      original: trimmed(source.querySelector("code").textContent),
      runButton: button("Run", number, false),
      stopButton: button("Stop", number, true),
      resetButton: button("Reset", number, true),
      status: element("p", { className: "handbook-run__status", role: "status" }),
      output: element("pre", { className: "handbook-run__output", hidden: true }),
    };
    const bar = element("div", { className: "handbook-run__bar" });
    bar.append(example.runButton, example.stopButton, example.resetButton);
    source.after(bar, example.status, example.output);
    block.handbookExample = example;
    const editor = () => import(new URL("run-editor.js", assets).href);
    example.runButton.addEventListener("click", async () => (await editor()).run(example));
    example.stopButton.addEventListener("click", async () => (await editor()).stop(example));
    example.resetButton.addEventListener("click", async () => (await editor()).reset(example));
  }

  [...document.querySelectorAll(".handbook-run")].forEach((block, index) => setUp(block, index + 1));
})();
