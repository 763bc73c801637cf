/**
 * SIGINT/SIGTERM for a long run: the first asks the run to stop (no new files,
 * files in flight dropped — nothing of them is written yet — the run recorded as
 * interrupted); a second one quits at once. Quitting at once is safe too: every
 * document is written in one synchronous transaction, so a signal handler never
 * runs in the middle of one.
 */
export const EXIT_INTERRUPTED = 130;

export interface Interrupts {
  signal: AbortSignal;
  dispose(): void;
}

export function stopOnSignals(onFirst: (name: NodeJS.Signals) => void = () => {}): Interrupts {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort(new Error(`interrupted by ${name}`));
    onFirst(name);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
