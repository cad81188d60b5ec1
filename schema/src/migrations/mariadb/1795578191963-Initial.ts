import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795578191963 implements MigrationInterface {
  name = 'Initial1795578191963';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `organisation` (`id` varchar(36) NOT NULL, `slug` varchar(64) NOT NULL, `name` varchar(255) NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_b800a0efd2f9f19719d0c4d793` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account` (`id` varchar(36) NOT NULL, `organisationId` varchar(36) NOT NULL, `platform` varchar(32) NOT NULL, `platformAccountId` varchar(255) NOT NULL, `handle` varchar(255) NOT NULL, `displayName` varchar(255) NOT NULL, `kind` varchar(32) NOT NULL, `keyOfficial` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_account_platform_id` (`platform`, `platformAccountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `actor` (`id` varchar(36) NOT NULL, `platform` varchar(32) NOT NULL, `platformActorId` varchar(255) NOT NULL, `handle` varchar(255) NULL, `displayName` varchar(255) NULL, `accountId` varchar(36) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_actor_platform_id` (`platform`, `platformActorId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `app_user` (`id` varchar(36) NOT NULL, `email` varchar(255) NOT NULL, `displayName` varchar(255) NOT NULL, `passwordHash` varchar(255) NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `failedLogins` int NOT NULL DEFAULT '0', `lockedUntil` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_3fa909d0e37c531ebc23770339` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `auth_session` (`tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `label` varchar(255) NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, `lastUsedAt` datetime(3) NULL, INDEX `ix_session_user` (`userId`), PRIMARY KEY (`tokenHash`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `capture_run` (`id` varchar(36) NOT NULL, `source` varchar(32) NOT NULL, `format` varchar(64) NOT NULL, `input` text NOT NULL, `startedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NULL, `status` varchar(32) NOT NULL, `counts` json NOT NULL, `error` text NULL, `cursor` text NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `item` (`id` varchar(36) NOT NULL, `organisationId` varchar(36) NOT NULL, `platform` varchar(32) NOT NULL, `platformItemId` varchar(255) NOT NULL, `kind` varchar(32) NOT NULL, `authorId` varchar(36) NOT NULL, `accountId` varchar(36) NULL, `conversationPlatformId` varchar(255) NULL, `inReplyToPlatformId` varchar(255) NULL, `quotedPlatformId` varchar(255) NULL, `repostOfPlatformId` varchar(255) NULL, `url` varchar(2048) NULL, `createdAt` datetime(3) NOT NULL, `status` varchar(32) NOT NULL, `firstSeenAt` datetime(3) NOT NULL, `lastSeenAt` datetime(3) NOT NULL, `deletedAt` datetime(3) NULL, `versionCount` int NOT NULL DEFAULT '0', `hasMedia` tinyint NOT NULL DEFAULT 0, `language` varchar(16) NULL, INDEX `ix_item_org_created` (`organisationId`, `createdAt`), INDEX `ix_item_org_reply_to` (`organisationId`, `platform`, `inReplyToPlatformId`), INDEX `ix_item_org_conversation` (`organisationId`, `platform`, `conversationPlatformId`), UNIQUE INDEX `uq_item_org_platform_id` (`organisationId`, `platform`, `platformItemId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `item_version` (`id` varchar(36) NOT NULL, `itemId` varchar(36) NOT NULL, `versionNo` int NOT NULL, `editPosition` int NULL, `platformVersionId` varchar(255) NULL, `platformEditedAt` datetime(3) NULL, `contentHash` varchar(64) NOT NULL, `text` text NOT NULL, `content` json NOT NULL, `raw` json NOT NULL, `capturedAt` datetime(3) NOT NULL, `captureRunId` varchar(36) NULL, INDEX `ix_version_item_hash` (`itemId`, `contentHash`), UNIQUE INDEX `uq_version_item_no` (`itemId`, `versionNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `media` (`sha256` varchar(64) NOT NULL, `mimeType` varchar(127) NULL, `size` int NOT NULL, `firstSeenAt` datetime(3) NOT NULL, PRIMARY KEY (`sha256`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `media_reference` (`id` varchar(36) NOT NULL, `versionId` varchar(36) NOT NULL, `position` int NOT NULL, `sha256` varchar(64) NULL, `originalUrl` varchar(2048) NULL, `mimeType` varchar(127) NULL, `altText` text NULL, `status` varchar(32) NOT NULL, `missingReason` text NULL, UNIQUE INDEX `uq_media_ref_version_pos` (`versionId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `search_outbox` (`seq` int NOT NULL AUTO_INCREMENT, `itemId` varchar(36) NOT NULL, `op` varchar(16) NOT NULL, `createdAt` datetime(3) NOT NULL, `attempts` int NOT NULL DEFAULT '0', INDEX `ix_outbox_item` (`itemId`), PRIMARY KEY (`seq`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `quarantine` (`id` varchar(36) NOT NULL, `captureRunId` varchar(36) NOT NULL, `file` text NOT NULL, `line` int NULL, `byteOffset` double NULL, `reason` text NOT NULL, `excerpt` text NOT NULL, `createdAt` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `role_grant` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `organisationId` varchar(36) NULL, `role` varchar(32) NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_grant_user_org_role` (`userId`, `organisationId`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `tombstone` (`id` varchar(36) NOT NULL, `itemId` varchar(36) NOT NULL, `detectedAt` datetime(3) NOT NULL, `method` varchar(64) NOT NULL, `platformDeletedAt` datetime(3) NULL, `captureRunId` varchar(36) NULL, `detail` text NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `account` ADD CONSTRAINT `FK_f639f0c733a5e5dc589a11d97b6` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `actor` ADD CONSTRAINT `FK_6e998d6b7340a503987a52d8ff7` FOREIGN KEY (`accountId`) REFERENCES `account`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `auth_session` ADD CONSTRAINT `FK_c072b729d71697f959bde66ade0` FOREIGN KEY (`userId`) REFERENCES `app_user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `item` ADD CONSTRAINT `FK_9cabd479c6f393daabfbbfb7667` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `item` ADD CONSTRAINT `FK_04548d2604521d54d9ac383df0c` FOREIGN KEY (`authorId`) REFERENCES `actor`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `item` ADD CONSTRAINT `FK_0afa19f859b0a110803b06b4134` FOREIGN KEY (`accountId`) REFERENCES `account`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `item_version` ADD CONSTRAINT `FK_976b4bb8340b988186c36025b79` FOREIGN KEY (`itemId`) REFERENCES `item`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `item_version` ADD CONSTRAINT `FK_9201167629046583ea9809992df` FOREIGN KEY (`captureRunId`) REFERENCES `capture_run`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `media_reference` ADD CONSTRAINT `FK_c3b7d16de7cb5326afd5e40a374` FOREIGN KEY (`versionId`) REFERENCES `item_version`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `media_reference` ADD CONSTRAINT `FK_0d7361877a49ce2f4d7c89aa3c6` FOREIGN KEY (`sha256`) REFERENCES `media`(`sha256`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `quarantine` ADD CONSTRAINT `FK_c7409313f60b70191663253e8c5` FOREIGN KEY (`captureRunId`) REFERENCES `capture_run`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `role_grant` ADD CONSTRAINT `FK_bb38408c2013c5de68d6086a84b` FOREIGN KEY (`userId`) REFERENCES `app_user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `role_grant` ADD CONSTRAINT `FK_9455399538341b871687e6da5ca` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `tombstone` ADD CONSTRAINT `FK_41ad6bbcf1c96296f801db0c1ac` FOREIGN KEY (`itemId`) REFERENCES `item`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `tombstone` ADD CONSTRAINT `FK_17bd6b076ebdd1fc7bf2d139fe4` FOREIGN KEY (`captureRunId`) REFERENCES `capture_run`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tombstone` DROP FOREIGN KEY `FK_17bd6b076ebdd1fc7bf2d139fe4`");
    await queryRunner.query("ALTER TABLE `tombstone` DROP FOREIGN KEY `FK_41ad6bbcf1c96296f801db0c1ac`");
    await queryRunner.query("ALTER TABLE `role_grant` DROP FOREIGN KEY `FK_9455399538341b871687e6da5ca`");
    await queryRunner.query("ALTER TABLE `role_grant` DROP FOREIGN KEY `FK_bb38408c2013c5de68d6086a84b`");
    await queryRunner.query("ALTER TABLE `quarantine` DROP FOREIGN KEY `FK_c7409313f60b70191663253e8c5`");
    await queryRunner.query("ALTER TABLE `media_reference` DROP FOREIGN KEY `FK_0d7361877a49ce2f4d7c89aa3c6`");
    await queryRunner.query("ALTER TABLE `media_reference` DROP FOREIGN KEY `FK_c3b7d16de7cb5326afd5e40a374`");
    await queryRunner.query("ALTER TABLE `item_version` DROP FOREIGN KEY `FK_9201167629046583ea9809992df`");
    await queryRunner.query("ALTER TABLE `item_version` DROP FOREIGN KEY `FK_976b4bb8340b988186c36025b79`");
    await queryRunner.query("ALTER TABLE `item` DROP FOREIGN KEY `FK_0afa19f859b0a110803b06b4134`");
    await queryRunner.query("ALTER TABLE `item` DROP FOREIGN KEY `FK_04548d2604521d54d9ac383df0c`");
    await queryRunner.query("ALTER TABLE `item` DROP FOREIGN KEY `FK_9cabd479c6f393daabfbbfb7667`");
    await queryRunner.query("ALTER TABLE `auth_session` DROP FOREIGN KEY `FK_c072b729d71697f959bde66ade0`");
    await queryRunner.query("ALTER TABLE `actor` DROP FOREIGN KEY `FK_6e998d6b7340a503987a52d8ff7`");
    await queryRunner.query("ALTER TABLE `account` DROP FOREIGN KEY `FK_f639f0c733a5e5dc589a11d97b6`");
    await queryRunner.query("DROP TABLE `tombstone`");
    await queryRunner.query("DROP INDEX `uq_grant_user_org_role` ON `role_grant`");
    await queryRunner.query("DROP TABLE `role_grant`");
    await queryRunner.query("DROP TABLE `quarantine`");
    await queryRunner.query("DROP INDEX `ix_outbox_item` ON `search_outbox`");
    await queryRunner.query("DROP TABLE `search_outbox`");
    await queryRunner.query("DROP INDEX `uq_media_ref_version_pos` ON `media_reference`");
    await queryRunner.query("DROP TABLE `media_reference`");
    await queryRunner.query("DROP TABLE `media`");
    await queryRunner.query("DROP INDEX `uq_version_item_no` ON `item_version`");
    await queryRunner.query("DROP INDEX `ix_version_item_hash` ON `item_version`");
    await queryRunner.query("DROP TABLE `item_version`");
    await queryRunner.query("DROP INDEX `uq_item_org_platform_id` ON `item`");
    await queryRunner.query("DROP INDEX `ix_item_org_conversation` ON `item`");
    await queryRunner.query("DROP INDEX `ix_item_org_reply_to` ON `item`");
    await queryRunner.query("DROP INDEX `ix_item_org_created` ON `item`");
    await queryRunner.query("DROP TABLE `item`");
    await queryRunner.query("DROP TABLE `capture_run`");
    await queryRunner.query("DROP INDEX `ix_session_user` ON `auth_session`");
    await queryRunner.query("DROP TABLE `auth_session`");
    await queryRunner.query("DROP INDEX `IDX_3fa909d0e37c531ebc23770339` ON `app_user`");
    await queryRunner.query("DROP TABLE `app_user`");
    await queryRunner.query("DROP INDEX `uq_actor_platform_id` ON `actor`");
    await queryRunner.query("DROP TABLE `actor`");
    await queryRunner.query("DROP INDEX `uq_account_platform_id` ON `account`");
    await queryRunner.query("DROP TABLE `account`");
    await queryRunner.query("DROP INDEX `IDX_b800a0efd2f9f19719d0c4d793` ON `organisation`");
    await queryRunner.query("DROP TABLE `organisation`");
  }
}
