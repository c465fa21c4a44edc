// The parsing worker: checks a person's dataset file off the page's main thread, so the page never freezes.
//
// The page sends the compiled WebAssembly module of the app itself and the file's bytes. The worker
// instantiates the module without the browser bindings (the checking code calls none of them: each import
// throws if called), copies the bytes in, runs the same parser and checks as the page, and sends back the
// outcome encoded as compact bytes. It is started from a blob: URL and shuts down after one file.
self.onmessage = async (event) => {
  try {
    const { module, fileBytes } = event.data;
    const imports = {};
    for (const { module: moduleName, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== 'function') throw new Error(`the app imports a ${kind} (${name}), which the worker cannot supply`);
      imports[moduleName] ??= {};
      imports[moduleName][name] = () => { throw new Error(`${name} is not available while checking a file`); };
    }
    const { exports } = await WebAssembly.instantiate(module, imports);
    const input = new Uint8Array(fileBytes);
    const inputAddress = exports.bse_worker_input(input.length);
    new Uint8Array(exports.memory.buffer, inputAddress, input.length).set(input);
    const handoverAddress = exports.bse_worker_check();
    const handover = new Uint8Array(exports.memory.buffer, handoverAddress, exports.bse_worker_handover_len()).slice();
    self.postMessage({ handover }, [handover.buffer]);
  } catch (error) {
    self.postMessage({ failure: String(error) });
  }
};
