/** Removes the temporary folders a test file made (test/helpers/tempFiles.ts) after its last test. */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/tempFiles.js';

afterAll(removeTempDirs);
