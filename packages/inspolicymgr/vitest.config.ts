import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.packages.js';

export default defineConfig(packageTestConfig);
