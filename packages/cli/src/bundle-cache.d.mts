/** Where bundles are kept: packages/cli/node_modules/.cache/jixiao. */
export const DEFAULT_BUNDLE_DIR: string;
/** The URL of an up-to-date bundle of the TypeScript module `entry`, kept in `dir`; built (`built: true`) when missing or stale. Throws when it cannot be built. */
export function ensureBundle(entry: string, dir: string): Promise<{ url: URL; built: boolean }>;
