import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DropUnreadIndexes1795580108913 implements MigrationInterface {
  name = 'DropUnreadIndexes1795580108913';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_version_item_hash` ON `item_version`");
    await queryRunner.query("DROP INDEX `ix_outbox_item` ON `search_outbox`");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `ix_outbox_item` ON `search_outbox` (`itemId`)");
    await queryRunner.query("CREATE INDEX `ix_version_item_hash` ON `item_version` (`itemId`, `contentHash`)");
  }
}
