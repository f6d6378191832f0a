/**
 * This file was auto-generated from package.json by `npm run gen`.
 * Do not make direct changes to the file.
 */

/** The version of ges-jobs-kit, as package.json says. */
export const KIT_VERSION = "0.1.0";
