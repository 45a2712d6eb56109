import { readFileSync } from 'node:fs';
import { readRmbDocx } from '../../electron/docx/readRmb.js';
const r = readRmbDocx(readFileSync(process.argv[2]), 'x.docx');
console.log(JSON.stringify({ ...r, read: { ...r.read, photo: r.read.photo?.slice(0, 20) } }, null, 1));
