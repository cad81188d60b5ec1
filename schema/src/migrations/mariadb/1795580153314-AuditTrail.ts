import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795580153314 implements MigrationInterface {
  name = 'AuditTrail1795580153314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_event_organisation` (`seq` int NOT NULL, `organisationId` varchar(36) NOT NULL, INDEX `ix_audit_org_seq` (`organisationId`, `seq`), PRIMARY KEY (`seq`, `organisationId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_event` (`seq` int NOT NULL, `at` datetime(3) NOT NULL, `userId` varchar(36) NULL, `action` varchar(64) NOT NULL, `subject` varchar(255) NULL, `details` text NOT NULL, `ip` varchar(64) NULL, `userAgent` varchar(255) NULL, `requestId` varchar(64) NULL, `prevHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `ix_audit_at` (`at`), INDEX `ix_audit_user` (`userId`, `seq`), UNIQUE INDEX `uq_audit_prev_hash` (`prevHash`), PRIMARY KEY (`seq`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_audit_prev_hash` ON `audit_event`");
    await queryRunner.query("DROP INDEX `ix_audit_user` ON `audit_event`");
    await queryRunner.query("DROP INDEX `ix_audit_at` ON `audit_event`");
    await queryRunner.query("DROP TABLE `audit_event`");
    await queryRunner.query("DROP INDEX `ix_audit_org_seq` ON `audit_event_organisation`");
    await queryRunner.query("DROP TABLE `audit_event_organisation`");
  }
}
