// The Run button's work (run.js loads this module on the first click): the editable
// box, one Python for every page in a worker (run-worker.js), Stop, Reset, and the
// comparison of an unedited example's output with the one the build printed.

const STOPPED = new Error("stopped");
const HELP_ID = "handbook-run-help";
const lines = (text) => text.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");

// One worker, kept across instant navigation (this module is loaded once per document).
const python = {
  worker: null,
  jobs: new Map(),
  lastId: 0,
  started: false,
  run(earlier, code) {
    if (!this.worker) this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ id, earlier, code });
    });
  },
  start() {
    this.worker = new Worker(new URL("run-worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = ({ data }) => {
      const job = this.jobs.get(data.id);
      this.jobs.delete(data.id);
      // Python that failed (a C stack overflow ends Pyodide for good) starts afresh next time.
      if (data.failed) return this.end(new Error(data.failed), job);
      this.started = true;
      job?.resolve({ ...JSON.parse(data.result), pyodide: data.pyodide });
    };
    // A worker that could not load (its module, Pyodide's files) ends every pending run.
    this.worker.onerror = (event) => this.end(new Error(event.message || "the worker did not load"));
  },
  // Stop: the only way to end Python mid-run is to end its worker.
  end(reason, ...ended) {
    this.worker?.terminate();
    this.worker = null;
    this.started = false;
    for (const job of [...ended, ...this.jobs.values()]) job?.reject(reason);
    this.jobs.clear();
  },
};

// The earlier examples of the same session, which the build ran before this one.
function earlierOf(example) {
  const session = example.block.dataset.session;
  if (!session) return [];
  const all = [...document.querySelectorAll(".handbook-run")];
  return all
    .slice(0, all.indexOf(example.block))
    .filter((other) => other.dataset.session === session && other.handbookExample)
    .map((other) => other.handbookExample);
}

const codeOf = (example) => (example.editor ? example.editor.value : example.original);
const edited = (example) => [...earlierOf(example), example].some((one) => codeOf(one) !== one.original);

function printedByBuild(block) {
  const output = block.dataset.source === "above" ? block : block.querySelector(".result");
  return lines(output ? output.textContent : "");
}

function describe(result, example) {
  const page = example.block.dataset.python;
  const wasm = result.wordSize === 32 ? ", 32-bit WebAssembly" : "";
  const browser = `${result.python} (Pyodide ${result.pyodide}${wasm})`;
  if (result.earlierBlock) {
    return `An earlier example this one builds on (number ${result.earlierBlock} of its session) raised ${result.raised}, so this one did not run: its traceback is below.`;
  }
  const ending = result.raised ? ` It ended with ${result.raised}: the traceback is below.` : "";
  if (edited(example)) return `Your code ran on ${browser} in your browser.${ending}`;
  if (lines(result.output) === printedByBuild(example.block)) {
    return `Same output as the page's, which ${page} printed when the site was built. Your browser ran ${browser}.${ending}`;
  }
  const machine = result.wordSize === 32
    ? " Your browser's is a 32-bit build for Emscripten: object sizes and the platform it reports differ from the build machine's."
    : "";
  return `This output differs from the page's: the page's was printed by ${page} when the site was built, this one by ${browser} in your browser. Where the Python version changes an output, the page's text says so.${machine}${ending}`;
}

function addHelp() {
  if (document.getElementById(HELP_ID)) return;
  const help = Object.assign(document.createElement("p"), { id: HELP_ID, hidden: true });
  help.textContent = "Editable Python. Tab indents; press Escape, then Tab, to leave the box. Ctrl+Enter (⌘+Enter) runs it.";
  (document.querySelector(".md-content") ?? document.body).append(help);
}

function fitRows(box) {
  box.rows = box.value.split("\n").length;
}

// A textarea: the browser's own editing, selection, undo and screen-reader support.
function openEditor(example) {
  const box = Object.assign(document.createElement("textarea"), {
    className: "handbook-run__editor",
    value: example.original,
    spellcheck: false,
    wrap: "off",
  });
  fitRows(box);
  box.setAttribute("aria-label", `Code of example ${example.number}`);
  box.setAttribute("aria-describedby", HELP_ID);
  box.setAttribute("autocapitalize", "off");
  box.setAttribute("autocomplete", "off");
  let leaving = false;
  box.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !leaving && !event.shiftKey) {
      event.preventDefault();
      box.setRangeText("    ", box.selectionStart, box.selectionEnd, "end");
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(example);
    }
    leaving = event.key === "Escape";
  });
  box.addEventListener("input", () => fitRows(box));
  addHelp();
  example.source.hidden = true;
  example.source.after(box);
  example.resetButton.hidden = false;
  example.editor = box;
}

export async function run(example) {
  if (!example.editor) openEditor(example);
  const { runButton, stopButton, status, output } = example;
  runButton.disabled = true;
  stopButton.hidden = false;
  status.textContent = python.started
    ? "Running…"
    : "Starting Python in your browser (Pyodide, about 12 MB the first time, then from the browser's cache)…";
  try {
    const result = await python.run(earlierOf(example).map(codeOf), codeOf(example));
    output.textContent = result.output || "(no output)";
    output.hidden = false;
    status.textContent = describe(result, example);
  } catch (error) {
    output.hidden = true;
    status.textContent = error === STOPPED
      ? "Stopped. The next Run starts Python afresh."
      : `Python stopped with an error of its own (${error.message}). The next Run starts it afresh.`;
  } finally {
    runButton.disabled = false;
    stopButton.hidden = true;
  }
}

export function stop(example) {
  python.end(STOPPED);
  // Stop is about to hide: focus goes back to Run, enabled again now rather than when
  // the ended run settles.
  example.runButton.disabled = false;
  example.runButton.focus();
}

export function reset(example) {
  example.editor.value = example.original;
  fitRows(example.editor);
  example.output.hidden = true;
  example.status.textContent = "Reset to the page's code.";
}
