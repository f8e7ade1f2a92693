import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args:['--no-sandbox'] });
const p = await b.newPage({ viewport:{width:390,height:844} });
await p.goto('http://127.0.0.1:4185/efficacy'); await p.waitForTimeout(1500);
console.log(await p.evaluate(() => [...document.querySelectorAll('.sticky-cols svg')].slice(0,2).map(s => s.outerHTML.slice(0,200) + ' rect=' + JSON.stringify(s.getBoundingClientRect()))));
await b.close();
