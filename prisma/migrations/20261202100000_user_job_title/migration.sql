-- 职务: a person's job title, shown beside their name, apart from the access role (issue 10).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "jobTitle" TEXT;
