// The reader's worker: checks a dataset file a person opens, and works out what a person asks for later (what changed, the data pack), off the page's main thread, so the page never freezes.
//
// The page sends the compiled dataset reader (a WebAssembly module of the pure core alone, with no browser
// bindings; should it ever import a function, that import throws if called), the task to run ("check",
// "changes", "changes_csv" or "data_pack") and the task's inputs, each a byte array. The worker
// instantiates the module, copies the inputs in, runs the task and sends back its output as bytes. It
// is started from a blob: URL and shuts down after one task.
self.onmessage = async (event) => {
  try {
    const { module, task, inputs } = event.data;
    const imports = {};
    for (const { module: moduleName, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== 'function') throw new Error(`the reader imports a ${kind} (${name}), which the worker cannot supply`);
      imports[moduleName] ??= {};
      imports[moduleName][name] = () => { throw new Error(`${name} is not available while reading data`); };
    }
    const { exports } = await WebAssembly.instantiate(module, imports);
    for (const bytes of inputs) {
      const input = new Uint8Array(bytes);
      const inputAddress = exports.bse_reader_input(input.length);
      new Uint8Array(exports.memory.buffer, inputAddress, input.length).set(input);
    }
    const outputAddress = exports[`bse_reader_${task}`]();
    const output = new Uint8Array(exports.memory.buffer, outputAddress, exports.bse_reader_output_len()).slice();
    self.postMessage({ output }, [output.buffer]);
  } catch (error) {
    self.postMessage({ failure: String(error) });
  }
};
