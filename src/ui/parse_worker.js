// The parsing worker: checks a dataset file a person opens off the page's main thread, so the page never freezes.
//
// The page sends the compiled dataset reader (a WebAssembly module of the pure core alone, with no browser
// bindings; should it ever import a function, that import throws if called) and the file's bytes. The
// worker instantiates the module, copies the bytes in, runs the reader's parser and checks, and sends back
// the outcome encoded as compact bytes. It is started from a blob: URL and shuts down after one file.
self.onmessage = async (event) => {
  try {
    const { module, fileBytes } = event.data;
    const imports = {};
    for (const { module: moduleName, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== 'function') throw new Error(`the reader imports a ${kind} (${name}), which the worker cannot supply`);
      imports[moduleName] ??= {};
      imports[moduleName][name] = () => { throw new Error(`${name} is not available while checking a file`); };
    }
    const { exports } = await WebAssembly.instantiate(module, imports);
    const input = new Uint8Array(fileBytes);
    const inputAddress = exports.bse_reader_input(input.length);
    new Uint8Array(exports.memory.buffer, inputAddress, input.length).set(input);
    const handoverAddress = exports.bse_reader_check();
    const handover = new Uint8Array(exports.memory.buffer, handoverAddress, exports.bse_reader_handover_len()).slice();
    self.postMessage({ handover }, [handover.buffer]);
  } catch (error) {
    self.postMessage({ failure: String(error) });
  }
};
