/** The schema history, oldest first. Append new steps; never edit released ones. */
import { tables } from "./001_tables.ts";
import { fullTextSearch } from "./002_fts.ts";
import { views } from "./003_views.ts";
import { formFamilies } from "./004_form_families.ts";
import { projects } from "./005_projects.ts";
import { goalsPoints } from "./006_goals_points.ts";
import type { Migration } from "./migration.ts";

export type { Migration } from "./migration.ts";

export const MIGRATIONS: readonly Migration[] = [tables, fullTextSearch, views, formFamilies, projects, goalsPoints];

/** The user_version of a database this code fully understands. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
