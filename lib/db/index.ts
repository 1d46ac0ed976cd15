export { db, createDb, disconnectDb, type Db, type Tx } from "./client";
export { Prisma } from "./generated/client";
export type {
  User,
  Team,
  Territory,
  Account,
  AuditLog,
  Contact,
  LifecycleChange,
  ScoreSnapshot,
} from "./generated/client";
export { Role, Locale, TerritoryLevel, Tier, LifecycleStage, MarkAnswer } from "./generated/enums";
export {
  DistributorStage,
  DistributorKind,
  DistributorModel,
  ChannelAgreementStatus,
  ChannelConflictKind,
  ChannelConflictStatus,
  ChannelConflictOutcome,
  RebateStatementStatus,
  ChannelImportKind,
  DistributorRecommendation,
} from "./generated/enums";
