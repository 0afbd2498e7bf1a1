const t1 = performance.now();
await import('@larksuiteoapi/node-sdk');
console.log('sdk alone', (performance.now() - t1).toFixed(0));
const t2 = performance.now();
await import('exceljs');
console.log('exceljs alone', (performance.now() - t2).toFixed(0));
const t3 = performance.now();
await import('sharp');
console.log('sharp alone', (performance.now() - t3).toFixed(0));
