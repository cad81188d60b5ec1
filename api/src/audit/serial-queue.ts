/**
 * Runs tasks one at a time, in arrival order. Audit appends in one process go through one queue
 * per DataSource, so they never race each other for the chain's head; the database constraints
 * (seq primary key, unique prevHash) catch races between processes.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const queues = new WeakMap<object, SerialQueue>();

export function serialQueueFor(key: object): SerialQueue {
  let q = queues.get(key);
  if (!q) {
    q = new SerialQueue();
    queues.set(key, q);
  }
  return q;
}
