import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795580152395 implements MigrationInterface {
  name = 'AuditTrail1795580152395';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_event_organisation\" (\"seq\" integer NOT NULL, \"organisationId\" varchar(36) NOT NULL, PRIMARY KEY (\"seq\", \"organisationId\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_org_seq\" ON \"audit_event_organisation\" (\"organisationId\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"seq\" integer PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"userId\" varchar(36), \"action\" varchar(64) NOT NULL, \"subject\" varchar(255), \"details\" text NOT NULL, \"ip\" varchar(64), \"userAgent\" varchar(255), \"requestId\" varchar(64), \"prevHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_audit_at\" ON \"audit_event\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_user\" ON \"audit_event\" (\"userId\", \"seq\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_audit_prev_hash\" ON \"audit_event\" (\"prevHash\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_audit_prev_hash\"");
    await queryRunner.query("DROP INDEX \"ix_audit_user\"");
    await queryRunner.query("DROP INDEX \"ix_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("DROP INDEX \"ix_audit_org_seq\"");
    await queryRunner.query("DROP TABLE \"audit_event_organisation\"");
  }
}
