import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Harvest1795582106702 implements MigrationInterface {
  name = 'Harvest1795582106702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"harvest_state\" (\"accountId\" varchar(36) PRIMARY KEY NOT NULL, \"cursor\" text, \"lastRunAt\" datetime(3), \"lastSuccessAt\" datetime(3), \"lastFullSyncAt\" datetime(3), \"lastError\" text, \"platformCount\" integer, \"capturedCount\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE TABLE \"temporary_harvest_state\" (\"accountId\" varchar(36) PRIMARY KEY NOT NULL, \"cursor\" text, \"lastRunAt\" datetime(3), \"lastSuccessAt\" datetime(3), \"lastFullSyncAt\" datetime(3), \"lastError\" text, \"platformCount\" integer, \"capturedCount\" integer NOT NULL DEFAULT (0), CONSTRAINT \"FK_e96c658e846d4f43ab06867e4ec\" FOREIGN KEY (\"accountId\") REFERENCES \"account\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_harvest_state\"(\"accountId\", \"cursor\", \"lastRunAt\", \"lastSuccessAt\", \"lastFullSyncAt\", \"lastError\", \"platformCount\", \"capturedCount\") SELECT \"accountId\", \"cursor\", \"lastRunAt\", \"lastSuccessAt\", \"lastFullSyncAt\", \"lastError\", \"platformCount\", \"capturedCount\" FROM \"harvest_state\"");
    await queryRunner.query("DROP TABLE \"harvest_state\"");
    await queryRunner.query("ALTER TABLE \"temporary_harvest_state\" RENAME TO \"harvest_state\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"harvest_state\" RENAME TO \"temporary_harvest_state\"");
    await queryRunner.query("CREATE TABLE \"harvest_state\" (\"accountId\" varchar(36) PRIMARY KEY NOT NULL, \"cursor\" text, \"lastRunAt\" datetime(3), \"lastSuccessAt\" datetime(3), \"lastFullSyncAt\" datetime(3), \"lastError\" text, \"platformCount\" integer, \"capturedCount\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"harvest_state\"(\"accountId\", \"cursor\", \"lastRunAt\", \"lastSuccessAt\", \"lastFullSyncAt\", \"lastError\", \"platformCount\", \"capturedCount\") SELECT \"accountId\", \"cursor\", \"lastRunAt\", \"lastSuccessAt\", \"lastFullSyncAt\", \"lastError\", \"platformCount\", \"capturedCount\" FROM \"temporary_harvest_state\"");
    await queryRunner.query("DROP TABLE \"temporary_harvest_state\"");
    await queryRunner.query("DROP TABLE \"harvest_state\"");
  }
}
