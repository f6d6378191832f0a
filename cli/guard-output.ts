/**
 * stdout and stderr that may close under the server: `ges-mock serve | tee mock.log` loses its reader
 * when the pipeline is torn down (Playwright's webServer, a CI step that ends, `| head`), and the next
 * write fails with EPIPE. Node reports that as an 'error' event on the stream, which without a
 * listener is an uncaught exception: the server would crash mid-shutdown and skip its --state save.
 * With the guard, a broken output is dropped quietly and the server goes on serving and stops cleanly.
 */

/** A writer that stops writing (and never throws) once its stream has failed. */
export type GuardedWrite = (text: string | Uint8Array) => void;

/** Guards a stream once: later calls return the same writer. */
const guarded = new WeakMap<NodeJS.WritableStream, GuardedWrite>();

/** Listens for the stream's errors (so none is uncaught) and returns a writer that drops text after one. */
export function guardOutput(stream: NodeJS.WritableStream): GuardedWrite {
  const known = guarded.get(stream);
  if (known) return known;
  let open = true;
  stream.on('error', () => {
    open = false;
  });
  const write: GuardedWrite = (text) => {
    if (!open) return;
    try {
      stream.write(text);
    } catch {
      open = false;
    }
  };
  guarded.set(stream, write);
  return write;
}

/**
 * A request log's output on `stream`: guarded writes (guardOutput), and each chunk given back when the
 * stream has nothing queued after the write (a file, a terminal, a pipe whose reader keeps up), so the
 * log fills it again; a chunk a pipe still holds is never touched.
 */
export function logOutput(stream: NodeJS.WriteStream): { write: GuardedWrite; released: () => boolean } {
  return { write: guardOutput(stream), released: () => stream.writableLength === 0 };
}
