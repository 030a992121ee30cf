// The Python of docs/assets/run.js: Pyodide (CPython compiled to WebAssembly, copied into
// assets/pyodide/ by scripts/handbook_tools/hooks/run_in_browser.py) in a module worker,
// so a long or endless example never freezes the page, and Stop can end it.
// Message in: {id, earlier: [code...], code}. Out: {id, result, pyodide} (run_example.py's
// JSON and Pyodide's version), or {id, failed} when Python itself could not start.
import { loadPyodide } from "./pyodide/pyodide.mjs";

const here = new URL(".", import.meta.url);
const python = (async () => {
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", here).href });
  const runner = await fetch(new URL("run_example.py", here));
  if (!runner.ok) throw new Error(`run_example.py: HTTP ${runner.status}`);
  pyodide.FS.writeFile("/home/pyodide/run_example.py", await runner.text());
  return { run: pyodide.pyimport("run_example").run, version: pyodide.version };
})();

self.onmessage = async ({ data }) => {
  try {
    const runner = await python;
    // With JavaScript Promise Integration, callPromising lets Python wait on JavaScript
    // (asyncio.run on Pyodide's event loop); a browser without it runs the call as it is.
    const result = typeof WebAssembly.Suspending === "function"
      ? await runner.run.callPromising(data.earlier, data.code)
      : runner.run(data.earlier, data.code);
    postMessage({ id: data.id, result, pyodide: runner.version });
  } catch (error) {
    postMessage({ id: data.id, failed: String(error) });
  }
};
