// Run it yourself: each example the build ran (marked by
// scripts/handbook_tools/runnable.py) gets a Run button. The first click turns the code
// into an editable box and runs it with Pyodide in a worker (run-worker.js), loaded only
// then; the output of an unedited example is compared with the one the build printed.
// Loaded only on pages with runnable examples (hooks/run_in_browser.py).
(() => {
  const assets = new URL(".", document.currentScript.src);
  // One Python for every page: instant navigation runs this file again on each page.
  const runner = (window.handbookRunner ||= {
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
      this.worker = new Worker(new URL("run-worker.js", assets), { type: "module" });
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
  });

  const STOPPED = new Error("stopped");
  const HELP_ID = "handbook-run-help";
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

  function printedByBuild(block) {
    const output = block.dataset.source === "above" ? block : block.querySelector(".result");
    return trimmed(output ? output.textContent : "");
  }

  function versions(result, block) {
    const wasm = result.wordSize === 32 ? ", 32-bit WebAssembly" : "";
    return {
      page: block.dataset.python,
      browser: `${result.python} (Pyodide ${result.pyodide}${wasm})`,
    };
  }

  function describe(result, example) {
    const { page, browser } = versions(result, example.block);
    if (result.earlierBlock) {
      return `An earlier example this one builds on (number ${result.earlierBlock} of its session) raised ${result.raised}, so this one did not run: its traceback is below.`;
    }
    const ending = result.raised ? ` It ended with ${result.raised}: the traceback is below.` : "";
    if (example.edited()) return `Your code ran on ${browser} in your browser.${ending}`;
    if (trimmed(result.output) === printedByBuild(example.block)) {
      return `Same output as the page's, which ${page} printed when the site was built. Your browser ran ${browser}.${ending}`;
    }
    const machine = result.wordSize === 32
      ? " Your browser's is a 32-bit build for Emscripten: object sizes and the platform it reports differ from the build machine's."
      : "";
    return `This output differs from the page's: the page's was printed by ${page} when the site was built, this one by ${browser} in your browser. Where the Python version changes an output, the page's text says so.${machine}${ending}`;
  }

  function addHelp(host) {
    if (document.getElementById(HELP_ID)) return;
    const help = element("p", { id: HELP_ID, className: "handbook-run__help", hidden: true });
    help.textContent = "Editable Python. Tab indents; press Escape, then Tab, to leave the box. Ctrl+Enter (⌘+Enter) runs it.";
    host.append(help);
  }

  function editorFor(example) {
    const box = element("textarea", {
      className: "handbook-run__editor",
      value: example.original,
      rows: example.original.split("\n").length,
      spellcheck: false,
      wrap: "off",
    });
    box.setAttribute("aria-label", `Code of example ${example.number}`);
    box.setAttribute("aria-describedby", HELP_ID);
    box.setAttribute("autocapitalize", "off");
    box.setAttribute("autocomplete", "off");
    let leaving = false;
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        leaving = true;
      } else if (event.key === "Tab" && !leaving && !event.shiftKey) {
        event.preventDefault();
        box.setRangeText("    ", box.selectionStart, box.selectionEnd, "end");
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        example.run();
      }
      if (event.key !== "Escape") leaving = false;
    });
    box.addEventListener("input", () => {
      box.rows = box.value.split("\n").length;
    });
    return box;
  }

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

  function setUp(block, number) {
    const source = sourceOf(block);
    if (!source) return;
    if (location.protocol === "file:") return offlineNote(source);
    const bar = element("div", { className: "handbook-run__bar" });
    const runButton = element("button", { type: "button", className: "handbook-run__button" }, "Run");
    const stopButton = element("button", { type: "button", className: "handbook-run__button", hidden: true }, "Stop");
    const resetButton = element("button", { type: "button", className: "handbook-run__button", hidden: true }, "Reset");
    runButton.setAttribute("aria-label", `Run example ${number}`);
    stopButton.setAttribute("aria-label", `Stop example ${number}`);
    resetButton.setAttribute("aria-label", `Reset example ${number}`);
    const status = element("p", { className: "handbook-run__status", role: "status" });
    const output = element("pre", { className: "handbook-run__output", hidden: true });
    bar.append(runButton, stopButton, resetButton);
    source.after(bar, status, output);

    const example = {
      block,
      number,
      runButton,
      status,
      output,
      original: trimmed(source.querySelector("code").textContent),
      editor: null,
      code() {
        return this.editor ? this.editor.value : this.original;
      },
      edited() {
        return earlierOf(block).concat(block).some((other) => other.handbookExample.code() !== other.handbookExample.original);
      },
      async run() {
        if (!this.editor) {
          this.editor = editorFor(this);
          addHelp(document.querySelector(".md-content") ?? document.body);
          source.hidden = true;
          source.after(this.editor);
          resetButton.hidden = false;
        }
        runButton.disabled = true;
        stopButton.hidden = false;
        status.textContent = runner.started ? "Running…" : "Starting Python in your browser (Pyodide, about 12 MB the first time, then from the browser's cache)…";
        try {
          const earlier = earlierOf(block).map((other) => other.handbookExample.code());
          const result = await runner.run(earlier, this.code());
          output.textContent = result.output || "(no output)";
          output.hidden = false;
          status.textContent = describe(result, this);
        } catch (error) {
          output.hidden = true;
          status.textContent = error === STOPPED
            ? "Stopped. The next Run starts Python afresh."
            : `Python stopped with an error of its own (${error.message}). The next Run starts it afresh.`;
        } finally {
          runButton.disabled = false;
          stopButton.hidden = true;
        }
      },
    };
    block.handbookExample = example;
    runButton.addEventListener("click", () => example.run());
    stopButton.addEventListener("click", () => {
      runner.end(STOPPED);
      runButton.focus();
    });
    resetButton.addEventListener("click", () => {
      example.editor.value = example.original;
      example.editor.rows = example.original.split("\n").length;
      output.hidden = true;
      status.textContent = "Reset to the page's code.";
    });
  }

  // The earlier blocks of the same session, which the build ran before this one.
  function earlierOf(block) {
    const session = block.dataset.session;
    if (!session) return [];
    const all = [...document.querySelectorAll(".handbook-run")];
    return all.slice(0, all.indexOf(block)).filter((other) => other.dataset.session === session);
  }

  [...document.querySelectorAll(".handbook-run")].forEach((block, index) => setUp(block, index + 1));
})();
