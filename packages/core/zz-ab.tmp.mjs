// node zz-ab.tmp.mjs <distDir> <root>: full scan through a given dist copy; prints wall and CPU ms.
const [dist, root] = process.argv.slice(2);
const { scanProject } = await import(`${dist}/index.js`);
const r = scanProject({ root, cacheFile: false });
const u = process.resourceUsage();
console.log(JSON.stringify({ dist: dist.slice(-5), ms: Math.round(performance.now()), cpu: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), findings: r.findings.length, rss: Math.round(u.maxRSS / 1024) }));
