import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DropUnreadIndexes1795580108623 implements MigrationInterface {
  name = 'DropUnreadIndexes1795580108623';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_version_item_hash\"");
    await queryRunner.query("DROP INDEX \"ix_outbox_item\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_outbox_item\" ON \"search_outbox\" (\"itemId\") ");
    await queryRunner.query("CREATE INDEX \"ix_version_item_hash\" ON \"item_version\" (\"itemId\", \"contentHash\") ");
  }
}
