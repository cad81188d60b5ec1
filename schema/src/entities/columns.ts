import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column helpers whose types map identically on SQLite and MariaDB, so one entity set and
 * its two migration sets never drift. Timestamps keep milliseconds; every id is a UUIDv7 string.
 */
export const IdColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, ...options });
export const EnumColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 32, ...options });
export const ShortTextColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, ...options });
