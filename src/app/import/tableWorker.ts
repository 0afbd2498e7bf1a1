/**
 * The worker thread that reads one spreadsheet (./tableLines.ts `readLines`) and posts back its
 * lines or its problem. Started per file by ./tableFile.ts with a heap ceiling; it exits after
 * one answer, and its memory with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readLines } from './tableLines.js';

const { data, ext } = workerData as { data: Uint8Array; ext: '.csv' | '.xlsx' };
parentPort!.postMessage(await readLines(Buffer.from(data.buffer, data.byteOffset, data.byteLength), ext));
