/** This package's version, for the User-Agent (a test keeps it equal to package.json). */
export const CORE_VERSION = '0.1.0';
