/** Terminal output helpers: progress on stderr only when it is a terminal, so pipes stay clean. */
export function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let last = 0;
  return {
    update(done: number, extra = '') {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      process.stderr.write(`\r${label}: ${done.toLocaleString('nl-NL')} (${Math.round(rate).toLocaleString('nl-NL')}/s) ${extra}`.padEnd(90));
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
