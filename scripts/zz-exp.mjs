import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const css = process.argv[2] ?? '';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
const p = await ctx.newPage();
await p.goto('http://127.0.0.1:4612/timeline?data=/data/synthetic-50.json'); await p.waitForSelector('[data-chart-ready]'); await p.waitForTimeout(1500);
if (css) await p.addStyleTag({ content: css });
await p.getByRole('button', { name: /^Assets/ }).first().click();
await p.waitForTimeout(500);
await b.startTracing(p, { path: 'bench-results/exp-trace.json', categories: ['devtools.timeline','blink'] });
for (let i = 0; i < 6; i++) { await p.locator('#filter-assets input[type=checkbox]').first().click(); await p.waitForTimeout(300); }
await b.stopTracing();
const { traceEvents } = JSON.parse(readFileSync('bench-results/exp-trace.json', 'utf8'));
console.log(css.slice(0,60), traceEvents.filter(e=>e.name==='UpdateLayoutTree'&&e.ph==='X'&&e.dur>3000).map(e=>Math.round(e.dur/1000)+'ms/'+e.args.elementCount).join(' '));
await b.close();
