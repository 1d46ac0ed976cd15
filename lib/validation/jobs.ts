import { z } from "zod";
import { checkbox, requiredText } from "./primitives";

// /admin/jobs: a job is named by its registry name ("complaints.sla"); an unknown one is NOT_FOUND.

export const jobRefSchema = z.object({ name: requiredText(60) });

export const jobToggleSchema = z.object({ name: requiredText(60), enabled: checkbox });
