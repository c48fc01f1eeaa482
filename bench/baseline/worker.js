// Baseline worker, as in Pyodide's "Using Pyodide in a web worker" documentation.
import { loadPyodide } from "/pyodide/pyodide.mjs";

const ready = loadPyodide({ indexURL: "/pyodide/" }).then((pyodide) => {
  pyodide.setStdout({
    batched: (text) => {
      self.postMessage({ type: "line", text });
    },
  });
  pyodide.setStderr({
    batched: (text) => {
      self.postMessage({ type: "line", text });
    },
  });
  self.postMessage({ type: "ready" });
  return pyodide;
});

self.onmessage = async (event) => {
  const pyodide = await ready;
  try {
    pyodide.runPython(event.data.code);
  } catch (error) {
    self.postMessage({ type: "line", text: String(error) });
  }
  self.postMessage({ type: "done" });
};
