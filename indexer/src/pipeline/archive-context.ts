import {
  ArchiveWriter,
  CaptureRuns,
  FileMediaStore,
  IndexSync,
  Registry,
  createSearchIndex,
  openDatabase,
  type Config,
  type SearchIndex,
} from '@bewaard/schema';
import type { DataSource } from 'typeorm';

/** Everything a CLI command needs, opened from the configuration and closed once. */
export interface ArchiveContext {
  ds: DataSource;
  writer: ArchiveWriter;
  registry: Registry;
  runs: CaptureRuns;
  close(): Promise<void>;
  /** Opened on first use: commands that only write never touch the search engine. */
  searchIndex(): Promise<SearchIndex>;
  indexSync(): Promise<IndexSync>;
}

export async function openArchive(cfg: Config): Promise<ArchiveContext> {
  const ds = await openDatabase(cfg.database);
  let index: SearchIndex | undefined;
  const searchIndex = async () => {
    if (!index) {
      index = createSearchIndex(cfg.search);
      await index.init();
    }
    return index;
  };
  return {
    ds,
    writer: new ArchiveWriter(ds, new FileMediaStore(cfg.mediaDir)),
    registry: new Registry(ds),
    runs: new CaptureRuns(ds),
    searchIndex,
    indexSync: async () => new IndexSync(ds, await searchIndex()),
    async close() {
      await index?.close();
      await ds.destroy();
    },
  };
}
