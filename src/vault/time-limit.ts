// An absolute limit on one HTTP exchange: connect, headers and body together. Node's
// request.setTimeout is an idle timer, which a server sending one byte now and then resets
// forever; this one fires at a fixed time whatever has arrived by then.

/**
 * Runs `exchange` for at most `ms`. Past it, the signal handed to `exchange` aborts (the request
 * and its socket are destroyed) and the result rejects with `expired()`, even if the exchange
 * itself never settles.
 */
export async function withinTime<T>(
  ms: number,
  expired: () => Error,
  exchange: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        const err = expired();
        reject(err);
        controller.abort(err);
      },
      Math.max(0, ms),
    );
  });
  try {
    // race keeps a handler on the exchange, so its own rejection after the limit is not unhandled
    return await Promise.race([exchange(controller.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}
