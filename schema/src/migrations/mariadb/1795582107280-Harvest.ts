import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Harvest1795582107280 implements MigrationInterface {
  name = 'Harvest1795582107280';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `harvest_state` (`accountId` varchar(36) NOT NULL, `cursor` text NULL, `lastRunAt` datetime(3) NULL, `lastSuccessAt` datetime(3) NULL, `lastFullSyncAt` datetime(3) NULL, `lastError` text NULL, `platformCount` int NULL, `capturedCount` int NOT NULL DEFAULT '0', PRIMARY KEY (`accountId`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `harvest_state` ADD CONSTRAINT `FK_e96c658e846d4f43ab06867e4ec` FOREIGN KEY (`accountId`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `harvest_state` DROP FOREIGN KEY `FK_e96c658e846d4f43ab06867e4ec`");
    await queryRunner.query("DROP TABLE `harvest_state`");
  }
}
